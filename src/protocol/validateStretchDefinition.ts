import type {
  CameraRequirement,
  FormCheck,
  GlideDose,
  GlideDoseInput,
  GlideMotion,
  GlideSwitch,
  HoldDose,
  HoldDoseInput,
  MeasureRef,
  PositionTarget,
  StretchDefinition,
  StretchDefinitionInput,
} from './stretchDefinition';
import { FORM_ASPECTS } from './stretchDefinition';

/**
 * Dose ranges from the seed articles (seed 000, "Hold: 20-30 seconds, 2-3 repetitions per leg";
 * nerve glide "10-15 repetitions, 2-3 sets per leg"). The defaults take the full hold (30 s, the
 * figure seed 001 also gives) and the lower rep counts, so a first session is not too long.
 */
export const HOLD_MS_RANGE = { min: 20_000, max: 30_000, default: 30_000 } as const;
export const HOLD_REPS_RANGE = { min: 2, max: 3, default: 2 } as const;
export const GLIDE_REPS_RANGE = { min: 10, max: 15, default: 10 } as const;
export const GLIDE_SETS_RANGE = { min: 2, max: 3, default: 2 } as const;
/** Rest is not in the seeds: long enough to shake out the leg, short enough to stay warm. */
export const HOLD_REST_MS_RANGE = { min: 5_000, max: 120_000, default: 15_000 } as const;
export const GLIDE_REST_MS_RANGE = { min: 5_000, max: 120_000, default: 20_000 } as const;
/**
 * A break in form under 3 s is a wobble the user fixes by themselves; a longer one means they
 * came out of the stretch, which the report should show as a fault.
 */
export const LONG_BREAK_MS_RANGE = { min: 500, max: 10_000, default: 3_000 } as const;
/**
 * A glide cycle (chin down + toes up, then chin up + toes pointed) done "gently" takes 2-4 s; a
 * cycle under 1.2 s is either jitter or a jerk, not a glide.
 */
export const MIN_GLIDE_REP_MS_RANGE = { min: 300, max: 5_000, default: 1_200 } as const;
/** Seed 000: "Do not hold the end position"; 2 s at an end is already a pause, not a glide. */
export const MAX_END_HOLD_MS_RANGE = { min: 500, max: 10_000, default: 2_000 } as const;

const DEFAULT_CAMERA: CameraRequirement = {
  views: ['side'],
  wholeBody: true,
  placement:
    'Put the camera at hip height, side-on to you, far enough away to see you head to toe.',
};

const LEG_MEASURES = new Set(['hipFlexionDeg', 'legRaiseDeg', 'kneeAngleDeg', 'ankleFlexionDeg']);
const BODY_MEASURES = new Set(['neckFlexionDeg', 'trunkInclinationDeg', 'roundingIndex']);
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export class StretchDefinitionError extends Error {
  constructor(
    readonly stretchId: string,
    readonly problems: readonly string[],
  ) {
    super(`Stretch "${stretchId}" is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'StretchDefinitionError';
  }
}

/**
 * Fills the defaults of a stretch file and checks every range and rule. Throws a
 * `StretchDefinitionError` listing all problems at once, so a new stretch file is fixed in one go.
 */
export function validateStretchDefinition(input: StretchDefinitionInput): StretchDefinition {
  const problems = stretchDefinitionProblems(input);
  if (problems.length > 0) throw new StretchDefinitionError(input.id, problems);
  const common = {
    id: input.id,
    name: input.name,
    legs: input.legs,
    camera: { ...DEFAULT_CAMERA, ...input.camera },
    start: input.start,
    checks: input.checks,
    cues: input.cues,
  };
  if (input.dose.kind === 'hold') {
    // Problems would have listed a missing target.
    const target = input.target as PositionTarget;
    return {
      ...common,
      kind: 'hold',
      target,
      detectBounce: input.detectBounce ?? true,
      dose: holdDoseWithDefaults(input.dose),
    };
  }
  return {
    ...common,
    kind: 'glide',
    glide: input.glide as GlideMotion,
    dose: glideDoseWithDefaults(input.dose),
  };
}

/** Every problem with a stretch file, in plain words; empty when it is valid. */
export function stretchDefinitionProblems(input: StretchDefinitionInput): string[] {
  const problems: string[] = [];
  if (!KEBAB_CASE.test(input.id)) problems.push(`id "${input.id}" must be kebab-case`);
  if (input.name.trim() === '') problems.push('name is empty');
  if (input.legs !== 'each-leg' && input.legs !== 'both-legs')
    problems.push(`legs must be 'each-leg' or 'both-legs', got "${String(input.legs)}"`);
  if (input.camera?.views?.length === 0) problems.push('camera.views is empty');
  if (input.start.cue.trim() === '') problems.push('start.cue is empty');
  if (input.start.orientationCue.trim() === '') problems.push('start.orientationCue is empty');
  input.start.conditions.forEach((condition, i) => {
    const where = `start.conditions[${i}]`;
    problems.push(...measureProblems(condition.measure, where));
    if (condition.atLeast === undefined && condition.atMost === undefined)
      problems.push(`${where} needs atLeast or atMost`);
    if (
      condition.atLeast !== undefined &&
      condition.atMost !== undefined &&
      condition.atLeast >= condition.atMost
    )
      problems.push(`${where}: atLeast (${condition.atLeast}) must be below atMost`);
    if (condition.cue.trim() === '') problems.push(`${where}.cue is empty`);
  });
  problems.push(...checksProblems(input.checks));
  if (input.cues.begin.trim() === '') problems.push('cues.begin is empty');

  if (input.dose.kind === 'hold') {
    problems.push(...holdDoseProblems(input.dose));
    if (input.target === undefined) problems.push('a hold stretch needs a target position');
    else problems.push(...targetProblems(input.target));
    if (input.glide !== undefined) problems.push('a hold stretch must not declare glide motion');
  } else if (input.dose.kind === 'glide') {
    problems.push(...glideDoseProblems(input.dose));
    if (input.glide === undefined) problems.push('a glide needs glide motion (neck and ankle)');
    else problems.push(...glideMotionProblems(input.glide));
    if (input.target !== undefined)
      problems.push('a glide has no static target position; remove target');
    if (input.detectBounce === true)
      problems.push('a glide moves on purpose; bounce detection does not apply');
    if (input.legs !== 'each-leg') problems.push('the nerve glide is done one leg at a time');
  } else {
    problems.push(`dose.kind must be 'hold' or 'glide'`);
  }
  return problems;
}

function holdDoseWithDefaults(dose: HoldDoseInput): HoldDose {
  return {
    kind: 'hold',
    holdMs: dose.holdMs ?? HOLD_MS_RANGE.default,
    reps: dose.reps ?? HOLD_REPS_RANGE.default,
    restMs: dose.restMs ?? HOLD_REST_MS_RANGE.default,
    longBreakMs: dose.longBreakMs ?? LONG_BREAK_MS_RANGE.default,
  };
}

function glideDoseWithDefaults(dose: GlideDoseInput): GlideDose {
  return {
    kind: 'glide',
    repsPerSet: dose.repsPerSet ?? GLIDE_REPS_RANGE.default,
    sets: dose.sets ?? GLIDE_SETS_RANGE.default,
    restMs: dose.restMs ?? GLIDE_REST_MS_RANGE.default,
    minRepMs: dose.minRepMs ?? MIN_GLIDE_REP_MS_RANGE.default,
    maxEndHoldMs: dose.maxEndHoldMs ?? MAX_END_HOLD_MS_RANGE.default,
  };
}

interface Range {
  readonly min: number;
  readonly max: number;
}

function rangeProblem(
  name: string,
  value: number | undefined,
  range: Range,
  integer: boolean,
): string[] {
  if (value === undefined) return [];
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)))
    return [`${name} must be ${integer ? 'a whole number' : 'a finite number'}, got ${value}`];
  if (value < range.min || value > range.max)
    return [`${name} must be within ${range.min}-${range.max}, got ${value}`];
  return [];
}

function holdDoseProblems(dose: HoldDoseInput): string[] {
  return [
    ...rangeProblem('dose.holdMs', dose.holdMs, HOLD_MS_RANGE, false),
    ...rangeProblem('dose.reps', dose.reps, HOLD_REPS_RANGE, true),
    ...rangeProblem('dose.restMs', dose.restMs, HOLD_REST_MS_RANGE, false),
    ...rangeProblem('dose.longBreakMs', dose.longBreakMs, LONG_BREAK_MS_RANGE, false),
  ];
}

function glideDoseProblems(dose: GlideDoseInput): string[] {
  return [
    ...rangeProblem('dose.repsPerSet', dose.repsPerSet, GLIDE_REPS_RANGE, true),
    ...rangeProblem('dose.sets', dose.sets, GLIDE_SETS_RANGE, true),
    ...rangeProblem('dose.restMs', dose.restMs, GLIDE_REST_MS_RANGE, false),
    ...rangeProblem('dose.minRepMs', dose.minRepMs, MIN_GLIDE_REP_MS_RANGE, false),
    ...rangeProblem('dose.maxEndHoldMs', dose.maxEndHoldMs, MAX_END_HOLD_MS_RANGE, false),
  ];
}

function measureProblems(ref: MeasureRef, where: string): string[] {
  const name: string = ref.measure;
  if (LEG_MEASURES.has(name)) {
    const leg = 'leg' in ref ? ref.leg : undefined;
    return leg === 'working' || leg === 'other'
      ? []
      : [`${where}: ${name} is per leg and needs leg 'working' or 'other'`];
  }
  if (BODY_MEASURES.has(name)) return [];
  return [`${where}: unknown measure "${name}"`];
}

/** Hysteresis must point the right way, or a value near the limit would flicker. */
function hysteresisProblem(
  where: string,
  direction: 'above' | 'below',
  enter: number,
  leave: number,
): string[] {
  if (!Number.isFinite(enter) || !Number.isFinite(leave))
    return [`${where}: enter and leave must be finite numbers`];
  if (direction === 'above' && !(leave < enter))
    return [`${where}: with 'above', leave (${leave}) must be below enter (${enter})`];
  if (direction === 'below' && !(leave > enter))
    return [`${where}: with 'below', leave (${leave}) must be above enter (${enter})`];
  return [];
}

function checksProblems(checks: readonly FormCheck[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  checks.forEach((check, i) => {
    const where = `checks[${i}] (${check.id})`;
    if (!KEBAB_CASE.test(check.id)) problems.push(`${where}: id must be kebab-case`);
    if (seen.has(check.id)) problems.push(`${where}: duplicate id`);
    seen.add(check.id);
    if (!(FORM_ASPECTS as readonly string[]).includes(check.aspect))
      problems.push(`${where}: unknown aspect "${check.aspect}"`);
    problems.push(...measureProblems(check.measure, where));
    problems.push(...hysteresisProblem(where, check.faultWhen, check.enter, check.leave));
    if (check.cue.trim() === '') problems.push(`${where}: cue is empty`);
  });
  return problems;
}

function targetProblems(target: PositionTarget): string[] {
  return [
    ...measureProblems(target.measure, 'target'),
    ...hysteresisProblem('target', target.reachedWhen, target.enter, target.leave),
    ...(target.cue.trim() === '' ? ['target.cue is empty'] : []),
  ];
}

function switchProblems(name: string, sw: GlideSwitch): string[] {
  const problems = measureProblems(sw.measure, `glide.${name}`);
  if (!(sw.lowAt < sw.highAt))
    problems.push(`glide.${name}: lowAt (${sw.lowAt}) must be below highAt (${sw.highAt})`);
  return problems;
}

function glideMotionProblems(glide: GlideMotion): string[] {
  const problems = [...switchProblems('neck', glide.neck), ...switchProblems('ankle', glide.ankle)];
  // Both switches must change between the ends: neck alone still counts reps on 17-point models.
  if (glide.a.neck === glide.b.neck) problems.push('glide: ends a and b must differ in neck');
  if (glide.a.ankle === glide.b.ankle) problems.push('glide: ends a and b must differ in ankle');
  if (glide.endHeldCue.trim() === '') problems.push('glide.endHeldCue is empty');
  if (glide.tooFastCue.trim() === '') problems.push('glide.tooFastCue is empty');
  return problems;
}
