import { BACK_ROUNDED_ENTER, TRUSTED_ROUNDING_CONFIDENCE } from '../../src/geometry';
import { fixed, printTable } from '../bench/table';
import { clipOf, HOLDOUT_HALVES, sourceOf, VISUAL_NOTES, type Source } from './labels';
import { median, share } from './metrics';
import type { EvalRecord } from './record';
import { HINGE_MIN_HIP_FLEXION_DEG } from './report';

/**
 * Back-state agreement with the form labels (correct -> flat, rounded back -> rounded), over hinge
 * frames (near hip flexed >= 45°: both labels stand alike between reps). 'bad' clips name no
 * fault, so they are shown apart: the share of their hinge frames called rounded.
 */

type Expected = 'flat' | 'rounded';

function expectedBack(record: EvalRecord, badAsRounded: boolean): Expected | null {
  if (record.label === 'correct') return 'flat';
  if (record.label === 'rounded') return 'rounded';
  if (record.label === 'bad' && badAsRounded) return 'rounded';
  return null;
}

function isHinge(record: EvalRecord): boolean {
  return record.hipFlexionDeg !== null && record.hipFlexionDeg >= HINGE_MIN_HIP_FLEXION_DEG;
}

function trusted(record: EvalRecord): boolean {
  return record.backState !== null && record.roundingConfidence >= TRUSTED_ROUNDING_CONFIDENCE;
}

function agreementCells(records: readonly EvalRecord[]): string[] {
  const labelled = records.filter((r) => expectedBack(r, false) !== null);
  const called = labelled.filter((r) => r.backState !== null);
  const agree = called.filter((r) => r.backState === expectedBack(r, false));
  const sure = called.filter(trusted);
  const sureAgree = sure.filter((r) => r.backState === expectedBack(r, false));
  const bad = records.filter((r) => r.label === 'bad' && r.backState !== null);
  return [
    String(labelled.length),
    share(called.length, labelled.length),
    share(agree.length, called.length),
    share(sure.length, labelled.length),
    share(sureAgree.length, sure.length),
    bad.length === 0 ? '-' : share(bad.filter((r) => r.backState === 'rounded').length, bad.length),
  ];
}

/** Per source and in all: how often the back state agrees with the label, per hinge frame. */
export function printBackAgreement(records: readonly EvalRecord[]): void {
  const hinges = records.filter((r) => r.label !== null && isHinge(r));
  if (hinges.length === 0) return;
  console.log(
    `\nBack state against form labels, hinge frames (trusted = rounding confidence >= ${TRUSTED_ROUNDING_CONFIDENCE})`,
  );
  const sources = [...new Set(hinges.map((r) => sourceOf(r.file)))];
  printTable(
    ['source', 'labelled', 'called', 'agree', 'trusted', 'trusted agree', "'bad' called rounded"],
    [
      ...sources.map((s) => [s, ...agreementCells(hinges.filter((r) => sourceOf(r.file) === s))]),
      ['all', ...agreementCells(hinges)],
    ],
  );
}

interface Rates {
  readonly positives: number;
  readonly truePositives: number;
  readonly negatives: number;
  readonly trueNegatives: number;
}

function rates(scored: readonly { index: number; rounded: boolean }[], threshold: number): Rates {
  let positives = 0;
  let truePositives = 0;
  let negatives = 0;
  let trueNegatives = 0;
  for (const { index, rounded } of scored) {
    if (rounded) {
      positives++;
      if (index >= threshold) truePositives++;
    } else {
      negatives++;
      if (index < threshold) trueNegatives++;
    }
  }
  return { positives, truePositives, negatives, trueNegatives };
}

/** Mean of the hit rates on each class present (so one big clip does not carry the figure). */
function balancedAccuracy(r: Rates): number {
  const parts = [
    ...(r.positives > 0 ? [r.truePositives / r.positives] : []),
    ...(r.negatives > 0 ? [r.trueNegatives / r.negatives] : []),
  ];
  return parts.length === 0 ? NaN : parts.reduce((a, b) => a + b, 0) / parts.length;
}

function describe(r: Rates): string {
  return `rounded ${share(r.truePositives, r.positives)}, flat ${share(r.trueNegatives, r.negatives)}, balanced ${fixed(balancedAccuracy(r), 2)}`;
}

/** Hinge frames of a half as (index, labelled faulty), 'bad' counted faulty when asked. */
function scoredFrames(
  records: readonly EvalRecord[],
  half: readonly Source[],
  badAsRounded: boolean,
): { index: number; rounded: boolean }[] {
  return records.flatMap((r) => {
    const expected = expectedBack(r, badAsRounded);
    if (!half.includes(sourceOf(r.file)) || expected === null || !isHinge(r)) return [];
    return r.roundingIndex === null
      ? []
      : [{ index: r.roundingIndex, rounded: expected === 'rounded' }];
  });
}

/** One verdict per clip: the median index over its hinge frames. */
function scoredClips(
  records: readonly EvalRecord[],
  half: readonly Source[],
  badAsRounded: boolean,
): { index: number; rounded: boolean }[] {
  const byClip = new Map<string, { values: number[]; rounded: boolean }>();
  for (const frame of records) {
    const expected = expectedBack(frame, badAsRounded);
    if (!half.includes(sourceOf(frame.file)) || expected === null || !isHinge(frame)) continue;
    if (frame.roundingIndex === null) continue;
    const clip = byClip.get(clipOf(frame.file)) ?? { values: [], rounded: expected === 'rounded' };
    clip.values.push(frame.roundingIndex);
    byClip.set(clipOf(frame.file), clip);
  }
  return [...byClip.values()].map((c) => ({ index: median(c.values), rounded: c.rounded }));
}

/** The threshold on a grid that a fit to `scored` would pick (best balanced accuracy). */
function fittedThreshold(scored: readonly { index: number; rounded: boolean }[]): number {
  let best = BACK_ROUNDED_ENTER;
  let bestScore = -1;
  for (let t = 0.2; t <= 3.001; t += 0.05) {
    const score = balancedAccuracy(rates(scored, t));
    if (score > bestScore + 1e-9) {
      best = t;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The hold-out check (`--holdout`): the index threshold is not fitted (1 is the rounded line by
 * construction, from anatomy), so this shows (1) how the fixed threshold does on each half of the
 * sources and (2) what a threshold fitted on one half would have been and how it would then do on
 * the other: if the fitted one beats the fixed one on its own half but not on the other, fitting
 * would only have learnt the half.
 */
export function printHoldout(records: readonly EvalRecord[]): void {
  console.log('\nHold-out check of the rounded threshold (index 1), by whole sources');
  for (const badAsRounded of [false, true]) {
    console.log(
      badAsRounded
        ? "  counting 'bad' (fault unnamed) clips as rounded:"
        : '  rounded-back vs correct labels only:',
    );
    for (const [unit, score] of [
      ['frames', scoredFrames],
      ['clips', scoredClips],
    ] as const) {
      for (let i = 0; i < HOLDOUT_HALVES.length; i++) {
        const tune = HOLDOUT_HALVES[i] ?? [];
        const check = HOLDOUT_HALVES[1 - i] ?? [];
        const tuneSet = score(records, tune, badAsRounded);
        const checkSet = score(records, check, badAsRounded);
        const fitted = fittedThreshold(tuneSet);
        console.log(`    ${unit}, fit on [${tune.join(', ')}], check on [${check.join(', ')}]:`);
        console.log(
          `      fixed 1.00 on fit half:   ${describe(rates(tuneSet, BACK_ROUNDED_ENTER))}`,
        );
        console.log(
          `      fixed 1.00 on check half: ${describe(rates(checkSet, BACK_ROUNDED_ENTER))}`,
        );
        console.log(
          `      fitted ${fixed(fitted, 2)} on fit half:   ${describe(rates(tuneSet, fitted))}`,
        );
        console.log(
          `      fitted ${fixed(fitted, 2)} on check half: ${describe(rates(checkSet, fitted))}`,
        );
      }
    }
  }
}

/** What geometry says on the photos MANIFEST.md has visual notes for. */
export function printVisualNotes(records: readonly EvalRecord[]): void {
  const rows = VISUAL_NOTES.flatMap((note) => {
    const record = records.find((r) => r.file === note.file);
    if (record === undefined) return [];
    return [
      [
        note.file.split('/').at(-1) ?? note.file,
        note.note,
        note.back ?? '-',
        record.backState === null
          ? '-'
          : `${record.backState} (${fixed(record.roundingIndex ?? NaN, 2)}, conf ${fixed(record.roundingConfidence, 2)})`,
        note.knee ?? '-',
        record.kneeState === null
          ? '-'
          : `${record.kneeState} (${fixed(record.kneeAngleDeg ?? NaN, 0)}°)`,
      ],
    ];
  });
  if (rows.length === 0) return;
  console.log('\nPhotos with visual notes in MANIFEST.md (informal, not labels)');
  printTable(['photo', 'note', 'back seen', 'geometry', 'knee seen', 'geometry'], rows);
}

/**
 * States the pose's own definition implies (MANIFEST.md): staff pose is "seated with the legs
 * straight and the trunk upright"; a standing forward fold (hastapadasana / uttanasana) is done
 * with straight legs. The visual notes override a photo where a person sees otherwise (the slumped
 * staff pose, the fold with soft knees). No back state is implied for a fold: a full fold flexes
 * the spine.
 */
const POSE_DEFINITIONS: readonly {
  readonly folder: string;
  readonly knee: 'straight';
  readonly back: 'flat' | null;
}[] = [
  { folder: 'images/seated_long_sit_staff_pose', knee: 'straight', back: 'flat' },
  { folder: 'images/standing_forward_fold', knee: 'straight', back: null },
];

function stateAgreement(
  records: readonly EvalRecord[],
  expected: (r: EvalRecord) => string | null,
  called: (r: EvalRecord) => string | null,
): string {
  const judged = records.filter((r) => expected(r) !== null);
  const seen = judged.filter((r) => called(r) !== null);
  const agree = seen.filter((r) => called(r) === expected(r));
  return `${share(agree.length, seen.length)} of ${seen.length}/${judged.length} called`;
}

/** Knee and back states against the pose definitions, per photo folder. */
export function printPoseDefinitionAgreement(records: readonly EvalRecord[]): void {
  const rows = POSE_DEFINITIONS.flatMap(({ folder, knee, back }) => {
    const photos = records.filter((r) => r.timestampMs === null && r.file.startsWith(`${folder}/`));
    if (photos.length === 0) return [];
    const note = (r: EvalRecord) => VISUAL_NOTES.find((n) => n.file === r.file);
    const expectedKnee = (r: EvalRecord): string => note(r)?.knee ?? knee;
    const expectedBack = (r: EvalRecord): string | null =>
      back === null ? null : (note(r)?.back ?? back);
    const misses = photos
      .filter((r) => r.kneeState !== null && r.kneeState !== expectedKnee(r))
      .map(
        (r) =>
          `${r.file.split('/').at(-1) ?? r.file} ${r.kneeState} ${fixed(r.kneeAngleDeg ?? NaN, 0)}°`,
      );
    return [
      [
        folder,
        String(photos.length),
        stateAgreement(photos, expectedKnee, (r) => r.kneeState),
        back === null ? '-' : stateAgreement(photos, expectedBack, (r) => r.backState),
        misses.join('; ') || '-',
      ],
    ];
  });
  if (rows.length === 0) return;
  console.log(
    '\nKnee and back states against the pose definition (MANIFEST.md; visual notes override)',
  );
  printTable(['folder', 'photos', 'knee agrees', 'back agrees', 'knee disagreements'], rows);
}
