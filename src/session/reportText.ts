import {
  capitalise,
  depthLabel,
  faultLabel,
  formatDuration,
  formatPercent,
  joinWords,
  legLabel,
  plural,
  symptomRecordWords,
} from './reportFormat';
import { stallSentence } from './reportStalls';
import { beyondResolution, DEPTH_RESOLUTION_DEG } from './reportResolution';
import type {
  BackNotChecked,
  FaultSpan,
  HoldRepReport,
  LegSummary,
  SessionReport,
  StretchReport,
} from './reportTypes';

/**
 * The plain-language summary at the top of a report: a few short sentences a person (or their
 * trainer) reads first. Written in the project's own words; the safety advice follows seed 000
 * ("If you experience nerve symptoms, stop and consult a professional").
 */

type ReportBody = Omit<SessionReport, 'summary'>;

export function sessionSentences(report: ReportBody): string[] {
  // A reported symptom matters more than anything else the session did: it leads, and the
  // session is not praised.
  const symptoms = symptomSentences(report);
  const hadSymptom = report.symptoms.some((s) => s.anySymptom);
  const sentences = hadSymptom ? [...symptoms] : [];
  sentences.push(overview(report), holdSentence(report), ...depthSentences(report));
  const back = backSentence(report);
  sentences.push(faultSentence(report, hadSymptom, back.length > 0), ...back);
  sentences.push(...bounceSentence(report), ...stallSentences(report));
  if (!hadSymptom) sentences.push(...symptoms);
  sentences.push(incidentSentence(report), ...endSentences(report));
  return sentences.filter((s) => s !== '');
}

/** Gaps in the analysis are said plainly, so missing measures do not look like a bad hold. */
function incidentSentence(report: ReportBody): string {
  const gaps = report.incidents;
  if (gaps.length === 0) return '';
  const totalMs = gaps.reduce((sum, gap) => sum + gap.durationMs, 0);
  const kinds = new Set(gaps.map((gap) => gap.kind));
  const why = joinWords(
    [...kinds].map((kind) =>
      kind === 'analysis-gap' ? 'the pose model restarted' : 'the camera was lost',
    ),
  );
  return (
    `Your form was not watched for ${formatDuration(totalMs)} in ${plural(gaps.length, 'gap')} ` +
    `(${why}); those seconds did not count towards your holds.`
  );
}

function stretchPhrase(stretch: StretchReport): string {
  if (stretch.legs.length === 0) return `the ${stretch.name} (not started)`;
  const legs = stretch.legs.map((leg) => (leg === 'both' ? 'both legs' : leg));
  const onLegs = stretch.legs.includes('both')
    ? 'both legs together'
    : `the ${joinWords(legs)} ${legs.length > 1 ? 'legs' : 'leg'}`;
  return `the ${stretch.name} on ${onLegs}`;
}

function overview(report: ReportBody): string {
  const duration = formatDuration(report.durationMs);
  if (report.stretches.length === 0)
    return `This session lasted ${duration} and no stretch was started.`;
  const done = joinWords(report.stretches.map(stretchPhrase));
  return `You stretched for ${duration}: ${done}.`;
}

function holdSentence(report: ReportBody): string {
  const { heldInFormMs, targetMs, glideReps } = report.totals;
  const holds = report.stretches.flatMap((s) => s.reps).filter((r) => r.kind === 'hold');
  const parts: string[] = [];
  if (targetMs > 0) {
    const completed = holds.filter((r) => r.completed).length;
    parts.push(
      `You held ${formatDuration(heldInFormMs)} in good form out of a ${formatDuration(targetMs)} ` +
        `target (${formatPercent(heldInFormMs, targetMs)}), and completed ` +
        `${completed} of ${plural(holds.length, 'hold')}.`,
    );
  }
  if (glideReps > 0) parts.push(`You did ${plural(glideReps, 'nerve-glide repetition')}.`);
  return parts.join(' ');
}

function legDepth(row: LegSummary): string {
  return `${Math.round(row.peakDeg ?? 0)}° on the ${legLabel(row.leg)}`;
}

function depthSentences(report: ReportBody): string[] {
  const sentences: string[] = [];
  const stretchIds = [...new Set(report.legs.map((l) => l.stretchId))];
  for (const stretchId of stretchIds) {
    const rows = report.legs.filter((l) => l.stretchId === stretchId && l.peakDeg !== null);
    const first = rows[0];
    if (first === undefined) continue;
    const name = report.stretches.find((s) => s.stretchId === stretchId)?.name ?? stretchId;
    const what = `deepest ${depthLabel(first.depthMeasure)}`;
    let sentence = `${capitalise(name)}: ${what} ${joinWords(rows.map(legDepth))}`;
    const left = rows.find((r) => r.leg === 'left')?.peakDeg ?? null;
    const right = rows.find((r) => r.leg === 'right')?.peakDeg ?? null;
    if (left !== null && right !== null) {
      const diff = Math.round(Math.abs(left - right));
      sentence += beyondResolution(left - right)
        ? `, so the ${left < right ? 'left' : 'right'} side is ${diff}° tighter`
        : `, so the two sides are about even (the camera cannot resolve differences under ${DEPTH_RESOLUTION_DEG}°)`;
    }
    sentences.push(`${sentence}.`);
  }
  return sentences;
}

function allFaults(report: ReportBody): FaultSpan[] {
  return report.stretches.flatMap((s) => [...s.reps.flatMap((r) => r.faults), ...s.otherFaults]);
}

/** `hadSymptom`: no "well done" for a session that hurt, and no all-clear on form either. */
function faultSentence(report: ReportBody, hadSymptom: boolean, backUnchecked: boolean): string {
  // Bouncing has its own sentence; a broken hold comes with the fault that broke it.
  const faults = allFaults(report).filter(
    (f) => f.fault !== 'bouncing' && f.fault !== 'hold-broken',
  );
  if (report.stretches.every((s) => s.reps.length === 0)) return '';
  if (faults.length === 0 && hadSymptom) return '';
  // Praise only what was checked: an unchecked back is not a good back.
  if (faults.length === 0 && backUnchecked) {
    return 'No problems were picked up in what the camera could check.';
  }
  if (faults.length === 0) return 'No form problems were picked up. Well done.';
  const byFault = new Map<string, { count: number; ms: number }>();
  for (const f of faults) {
    const entry = byFault.get(f.fault) ?? { count: 0, ms: 0 };
    byFault.set(f.fault, { count: entry.count + 1, ms: entry.ms + f.durationMs });
  }
  const ranked = [...byFault].sort((a, b) => b[1].ms - a[1].ms);
  const [top] = ranked;
  if (top === undefined) return '';
  const [fault, { count, ms }] = top;
  const others = ranked.length - 1;
  const rest = others > 0 ? ` ${capitalise(plural(others, 'other issue'))} came up less.` : '';
  return (
    `The main form issue was ${faultLabel(fault)}: ${plural(count, 'time')}, ` +
    `${formatDuration(ms)} in all.${rest}`
  );
}

/** Why the back was not checked, in words (see `BackNotChecked`). */
export const BACK_NOT_CHECKED_WHY: Readonly<Record<BackNotChecked, string>> = {
  'model-without-mask':
    "the pose model used can't see the outline of your back (BlazePose full can)",
  'outline-not-seen': 'the outline of your back was not clear enough to read (stand side-on)',
};

/**
 * Holds whose back was not checked, and why: "no form problems" must not read as "your back was
 * fine" when nobody could see it.
 */
function backSentence(report: ReportBody): string[] {
  const holds = report.stretches
    .flatMap((s) => s.reps)
    .filter((r): r is HoldRepReport => r.kind === 'hold');
  // Reports built before this field existed say nothing either way.
  const checkable = holds.filter((r) => r.rounding.notChecked !== undefined);
  const reasons = holds.flatMap((r) => r.rounding.notChecked ?? []);
  if (reasons.length === 0) return [];
  const where =
    reasons.length === checkable.length ? 'in your holds' : `in ${plural(reasons.length, 'hold')}`;
  const why = joinWords([...new Set(reasons)].map((r) => BACK_NOT_CHECKED_WHY[r]));
  return [`Your back was not checked ${where}: ${why}.`];
}

function stallSentences(report: ReportBody): string[] {
  // Older reports (built before stalls were recorded) have no list.
  const stalls = (report.stalls as ReportBody['stalls'] | undefined) ?? [];
  const named = new Set(report.stretches.map((s) => s.stretchId)).size > 1;
  return stalls.map((stall) =>
    stallSentence(
      stall,
      named ? (report.stretches.find((s) => s.stretchId === stall.stretchId)?.name ?? null) : null,
    ),
  );
}

function bounceSentence(report: ReportBody): string[] {
  const bounced = report.stretches
    .flatMap((s) => s.reps)
    .filter((r) => r.kind === 'hold' && r.bounces.length > 0).length;
  if (bounced === 0) return [];
  return [`You bounced during ${plural(bounced, 'hold')}; ease in slowly and keep still instead.`];
}

function symptomSentences(report: ReportBody): string[] {
  const sentences: string[] = [];
  for (const symptom of report.symptoms) {
    const words = symptomRecordWords(symptom);
    if (words === null) continue;
    const name = report.stretches.find((s) => s.stretchId === symptom.stretchId)?.name;
    if (symptom.source === 'pain-button') {
      sentences.push(
        `You reported ${words} ${name === undefined ? 'before a stretch began' : `during the ${name}`}, ` +
          'and the session stopped there. Please don’t stretch again until it has settled, and ' +
          'for tingling, numbness or sharp pain see a physiotherapist or doctor.',
      );
      continue;
    }
    sentences.push(
      `You reported ${words} after the ${name ?? symptom.stretchId}. Stop stretching if it ` +
        'comes back, and see a physiotherapist or doctor before you carry on.',
    );
  }
  if (report.warmUp === 'skipped')
    sentences.push(
      'You skipped the warm-up: a few minutes of walking first makes stretching safer.',
    );
  return sentences;
}

function endSentences(report: ReportBody): string[] {
  switch (report.endReason) {
    case 'stopped':
      return ['You stopped the session early.'];
    case 'interrupted':
      return [
        'The recording was cut off (the page closed or the browser stopped), so this report ' +
          'shows what was saved up to then.',
      ];
    case 'symptoms':
      return ['The session ended after you reported symptoms.'];
    case 'completed':
    case null:
      return [];
  }
}
