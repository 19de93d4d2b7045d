import type { BodyMeasures, BodyOrientation } from '../geometry/measures';
import type { StretchDefinition } from '../protocol';
import { buildSessionReport } from '../session/reportSession';
import { replayOfflineSession } from './offlineSession';

/**
 * Which stretch a video shows, when the user did not say. Each candidate's own protocol is run
 * over the video's measures (pure and cheap: a few milliseconds per minute of video), and the
 * stretch whose start position the protocol found for longest wins: its reps started, so the
 * body matched that stretch's position, view and working-leg conditions for a steady second.
 * When no candidate's position was ever found, the body's usual orientation (upright, seated,
 * lying) picks the first stretch done in that orientation.
 */

export interface StretchScore {
  readonly stretchId: string;
  /** Time spent in reps (hold or glide sets) when this stretch's protocol ran over the video. */
  readonly inRepsMs: number;
  readonly reps: number;
}

export interface StretchDetection {
  readonly stretchId: string;
  readonly how: 'reps' | 'orientation';
  /** One or two sentences for the user. */
  readonly explanation: string;
  readonly scores: readonly StretchScore[];
  /** Share of frames with a person in each orientation. */
  readonly orientationShares: Readonly<Record<BodyOrientation, number>>;
}

const ORIENTATION_WORDS: Record<BodyOrientation, string> = {
  upright: 'standing',
  seated: 'sitting',
  lying: 'lying down',
};

export function orientationShares(
  measures: readonly BodyMeasures[],
): Record<BodyOrientation, number> {
  const counts: Record<BodyOrientation, number> = { upright: 0, seated: 0, lying: 0 };
  let seen = 0;
  for (const m of measures) {
    const orientation = m.orientation.value;
    if (orientation === null) continue;
    counts[orientation]++;
    seen++;
  }
  const share = (n: number) => (seen === 0 ? 0 : n / seen);
  return {
    upright: share(counts.upright),
    seated: share(counts.seated),
    lying: share(counts.lying),
  };
}

export function scoreStretch(
  stretch: StretchDefinition,
  measures: readonly BodyMeasures[],
  durationMs: number,
): StretchScore {
  const record = replayOfflineSession({
    id: 'detect',
    startedAtEpochMs: 0,
    stretch,
    measures,
    durationMs,
    model: null,
  });
  const reps = buildSessionReport(record).stretches.flatMap((s) => s.reps);
  return {
    stretchId: stretch.id,
    inRepsMs: reps.reduce((sum, rep) => sum + (rep.endTMs - rep.startTMs), 0),
    reps: reps.length,
  };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function detectStretch(
  candidates: readonly StretchDefinition[],
  measures: readonly BodyMeasures[],
  durationMs: number,
): StretchDetection {
  const first = candidates[0];
  if (first === undefined) throw new Error('detectStretch needs at least one candidate');
  const scores = candidates.map((s) => scoreStretch(s, measures, durationMs));
  const shares = orientationShares(measures);
  const usual = (Object.keys(shares) as BodyOrientation[]).reduce((a, b) =>
    shares[b] > shares[a] ? b : a,
  );
  const best = scores.reduce((a, b) => (b.inRepsMs > a.inRepsMs ? b : a));
  const nameOf = (id: string) => candidates.find((s) => s.id === id)?.name ?? id;
  if (best.inRepsMs > 0) {
    const others = scores.filter((s) => s !== best && s.inRepsMs > 0).length;
    const seconds = Math.round(best.inRepsMs / 1000);
    return {
      stretchId: best.stretchId,
      how: 'reps',
      explanation:
        `Detected the ${nameOf(best.stretchId)}: its start position was found and held for ` +
        `${best.reps} ${best.reps === 1 ? 'rep' : 'reps'} (${seconds} s), ` +
        (others === 0
          ? 'and no other stretch’s position was.'
          : 'longer than any other stretch’s position.'),
      scores,
      orientationShares: shares,
    };
  }
  const byPosture = candidates.find((s) => s.start.orientation === usual) ?? first;
  const sawSomeone = shares.upright + shares.seated + shares.lying > 0;
  return {
    stretchId: byPosture.id,
    how: 'orientation',
    explanation: sawSomeone
      ? `No stretch’s start position was held long enough to start a rep. The person is ` +
        `${ORIENTATION_WORDS[usual]} in ${percent(shares[usual])} of the frames, so this is ` +
        `taken as the ${byPosture.name}; choose the stretch yourself if that is wrong.`
      : `Nobody was found clearly enough to tell the stretch, so this is taken as the ` +
        `${byPosture.name}; choose the stretch yourself if that is wrong.`,
    scores,
    orientationShares: shares,
  };
}
