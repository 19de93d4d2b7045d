import { DEPTH_RESOLUTION_DEG } from './reportResolution';
import { PEAK_PERCENTILE } from './reportMeasures';

/**
 * What each figure in a report means, said where it is shown, and the fixed axis each chart
 * draws it on. Pure data: the report screen, the print and the charts read the same words.
 */

export type ChartedMeasure =
  'hipFlexionDeg' | 'legRaiseDeg' | 'kneeAngleDeg' | 'roundingIndex' | 'neckAnkleDeg';

/** A chart's value axis: fixed, so breathing-sized wobbles stay flat and charts compare. */
export interface ValueAxis {
  readonly min: number;
  readonly max: number;
  /** Distance between labelled ticks. */
  readonly step: number;
  /** Written after each tick value: "°", or "" for an index. */
  readonly unit: string;
}

/**
 * Ranges cover what the measure takes in these stretches (DESIGN.md §3-4): a hip hinge from
 * standing (0°) to a deep fold (~170°); a leg raise from the floor to past vertical; a knee from
 * well bent to pushed back past straight; the rounding index from flat to twice the "rounded"
 * mark; the neck and ankle either side of neutral.
 */
const AXES: Readonly<Record<ChartedMeasure, ValueAxis>> = {
  hipFlexionDeg: { min: 0, max: 180, step: 30, unit: '°' },
  legRaiseDeg: { min: 0, max: 120, step: 30, unit: '°' },
  kneeAngleDeg: { min: 90, max: 210, step: 30, unit: '°' },
  roundingIndex: { min: 0, max: 2, step: 0.5, unit: '' },
  neckAnkleDeg: { min: -60, max: 60, step: 30, unit: '°' },
};

/**
 * The axis for `measure`, widened by whole steps only if a value falls outside it (so nothing
 * is cut off, and an ordinary session always gets the same axis).
 */
export function valueAxis(measure: ChartedMeasure, values: Iterable<number | null>): ValueAxis {
  const axis = AXES[measure];
  let { min, max } = axis;
  for (const value of values) {
    if (value === null) continue;
    while (value < min) min -= axis.step;
    while (value > max) max += axis.step;
  }
  return { ...axis, min, max };
}

/** The tick values of `axis`, from min to max by step. */
export function axisTicks(axis: ValueAxis): number[] {
  const ticks: number[] = [];
  const count = Math.round((axis.max - axis.min) / axis.step);
  for (let i = 0; i <= count; i++) ticks.push(Number((axis.min + i * axis.step).toFixed(6)));
  return ticks;
}

export interface MeasureDefinition {
  readonly term: string;
  readonly definition: string;
}

const PERCENT = Math.round(PEAK_PERCENTILE * 100);

export const DEFINITIONS = {
  hipFlexionDeg: {
    term: 'Hip hinge',
    definition:
      'the angle between the trunk (hip to shoulder) and the thigh (hip to knee), seen from ' +
      'the side and counted from standing tall: 0° upright, 90° trunk square to the thigh, ' +
      'larger in a deeper fold.',
  },
  legRaiseDeg: {
    term: 'Leg raise',
    definition:
      'the angle of the raised leg (hip to ankle) above the line of the trunk along the ' +
      'floor: 0° flat on the floor, 90° pointing straight up.',
  },
  peak: {
    term: 'Peak and mean',
    definition:
      `from the frames held in form only (in the target position, outside any fault period). ` +
      `The peak is the ${PERCENT}th percentile of those frames: the depth kept for at least ` +
      `${100 - PERCENT}% of the hold, so a single frame or a rounded back cannot set it. ` +
      `A dash means no frame was held in form.`,
  },
  resolution: {
    term: 'Resolution',
    definition:
      `on rendered test clips with known angles a rep's peak was within about 5° of the truth ` +
      `(root-mean-square). Differences between two peaks under ${DEPTH_RESOLUTION_DEG}° — ` +
      `left against right, or one session against another — are within that error and ` +
      `reported as even.`,
  },
  kneeAngleDeg: {
    term: 'Knee angle',
    definition:
      'the angle at the knee between thigh and shin: 180° straight, smaller when bent, over ' +
      '180° when pushed back past straight (locked).',
  },
  roundingIndex: {
    term: 'Back rounding index',
    definition:
      'how rounded the back looks, scaled so that 0 is a flat back and 1 is where the coach ' +
      'calls it rounded (the table says which view of the back it came from).',
  },
  neckAnkleDeg: {
    term: 'Neck and ankle',
    definition:
      'neck: how far the head is tipped forward from in line with the trunk (0°). Ankle: ' +
      'positive with the toes pulled up, negative pointed.',
  },
} as const satisfies Record<string, MeasureDefinition>;
