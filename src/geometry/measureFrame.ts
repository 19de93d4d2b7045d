import { looksLikePerson } from './personFound';
import type { Pose } from './types';
import type {
  BackState,
  BodyMeasures,
  BodyOrientation,
  KneeState,
  Measured,
  PerLeg,
  Rounding,
  Side,
  ViewAngle,
} from './measures';
import {
  available,
  isAvailable,
  mapMeasured,
  NO_PERSON,
  NOT_APPLICABLE,
  scaleConfidence,
} from './measured';
import {
  minScoreFor,
  resolveMeasureOptions,
  type MeasureOptions,
  type ResolvedMeasureOptions,
} from './options';
import { emptyLatch, updateLatch, type Latch } from './latch';
import { ANGLE_FILTER, oneEuroStep, type OneEuroState } from './oneEuro';
import { nearSide, viewAngle } from './side';
import { bodyOrientation } from './orientation';
import { hipFlexionDeg, legRaiseDeg } from './hip';
import { classifyKnee, kneeAngleDeg } from './knee';
import { ankleFlexionDeg } from './ankle';
import { neckFlexionDeg, trunkInclinationDeg } from './trunk';
import { backRounding, classifyBack, roundingFromBackContour } from './rounding';
import {
  EMPTY_ROUNDING_WINDOW,
  pushReading,
  windowedContour,
  type RoundingWindow,
} from './roundingWindow';
import { workingLeg } from './workingLeg';
import { wholeBodyInFrame } from './frameCoverage';
import { degrees, type Degrees } from './units';

/**
 * Geometry's state between frames: side and leg memory, state hysteresis, the trunk
 * back-outline window and optional angle filters. Opaque to callers; immutable.
 */
export interface GeometryState {
  readonly options: ResolvedMeasureOptions;
  readonly nearSide: Latch<Side>;
  readonly workingLeg: Latch<Side>;
  readonly orientation: Latch<BodyOrientation>;
  readonly view: Latch<ViewAngle>;
  readonly kneeState: { readonly left: KneeState | null; readonly right: KneeState | null };
  readonly backState: BackState | null;
  /** Recent back-outline readings, for their median (roundingWindow.ts). */
  readonly roundingWindow: RoundingWindow;
  readonly filters: Readonly<Record<FilteredValue, OneEuroState | null>>;
}

type FilteredValue = 'hipLeft' | 'hipRight' | 'kneeLeft' | 'kneeRight' | 'rounding';

const NO_FILTERS: Readonly<Record<FilteredValue, OneEuroState | null>> = {
  hipLeft: null,
  hipRight: null,
  kneeLeft: null,
  kneeRight: null,
  rounding: null,
};

export function initialGeometryState(options?: MeasureOptions): GeometryState {
  return {
    options: resolveMeasureOptions(options),
    nearSide: emptyLatch(),
    workingLeg: emptyLatch(),
    orientation: emptyLatch(),
    view: emptyLatch(),
    kneeState: { left: null, right: null },
    backState: null,
    roundingWindow: EMPTY_ROUNDING_WINDOW,
    filters: NO_FILTERS,
  };
}

/**
 * Sagittal angles (hip, knee, ankle, neck, rounding) are true only side-on. Turned 30-60°
 * (oblique) they are foreshortened by up to half; frontal they measure something else (e.g. knee
 * valgus), so their confidence drops accordingly rather than the values being hidden.
 */
const VIEW_CONFIDENCE: Readonly<Record<ViewAngle, number>> = {
  side: 1,
  oblique: 0.6,
  frontal: 0.2,
};
/** View unknown: neither trusted nor dismissed. */
const UNKNOWN_VIEW_CONFIDENCE = 0.8;
/** Below this, a near-side or orientation reading is not fed to the memory. */
const MIN_LATCH_CONFIDENCE = 0.2;

function noPersonMeasures(nowMs: number): BodyMeasures {
  const perLeg = { left: NO_PERSON, right: NO_PERSON };
  return {
    timestampMs: nowMs,
    personFound: false,
    wholeBodyInFrame: NO_PERSON,
    nearSide: NO_PERSON,
    view: NO_PERSON,
    orientation: NO_PERSON,
    workingLeg: NO_PERSON,
    hipFlexionDeg: perLeg,
    legRaiseDeg: perLeg,
    kneeAngleDeg: perLeg,
    kneeState: perLeg,
    ankleFlexionDeg: perLeg,
    neckFlexionDeg: NO_PERSON,
    trunkInclinationDeg: NO_PERSON,
    rounding: NO_PERSON,
    backState: NO_PERSON,
  };
}

function confident<T>(measure: Measured<T>): T | null {
  return isAvailable(measure) && measure.confidence >= MIN_LATCH_CONFIDENCE ? measure.value : null;
}

/** The latched value, with this frame's confidence if it agrees, else a lowered one. */
function latched<T>(latch: Latch<T>, now: Measured<T>): Measured<T> {
  if (latch.held === null) return now;
  if (isAvailable(now) && now.value === latch.held) return now;
  // Held from earlier frames: still the best answer, but not seen in this one.
  return available(latch.held, isAvailable(now) ? now.confidence * 0.5 : 0.3);
}

function filtered(
  state: OneEuroState | null,
  measure: Measured<Degrees>,
  nowMs: number,
  on: boolean,
): [OneEuroState | null, Measured<Degrees>] {
  if (!on || !isAvailable(measure)) return [on ? state : null, measure];
  const next = oneEuroStep(state, measure.value, nowMs, ANGLE_FILTER);
  return [next, available(degrees(next.value), measure.confidence)];
}

function perLeg<T>(f: (side: Side) => Measured<T>): PerLeg<T> {
  return { left: f('left'), right: f('right') };
}

function scalePerLeg<T>(legs: PerLeg<T>, factor: number): PerLeg<T> {
  return { left: scaleConfidence(legs.left, factor), right: scaleConfidence(legs.right, factor) };
}

/**
 * Measures one frame. Pure: `nowMs` is the frame's time (used for the side/leg memory and the
 * optional filters); `pose` null means nobody was found.
 */
export function measureFrame(
  state: GeometryState,
  pose: Pose | null,
  nowMs: number,
): [GeometryState, BodyMeasures] {
  if (pose === null) return [state, noPersonMeasures(nowMs)];
  const { options } = state;
  const minScore = minScoreFor(options, pose.model);
  // An empty room's ghost pose is nobody: one "I can't see anyone", not four setup lines.
  if (!looksLikePerson(pose)) return [state, noPersonMeasures(nowMs)];
  const switchMs = options.switchAfterMs;

  const nearNow = nearSide(pose, minScore);
  const nearLatch = updateLatch(state.nearSide, confident(nearNow), nowMs, switchMs);
  const near = latched(nearLatch, nearNow);
  const facing = near.value;

  const viewNow = viewAngle(pose, minScore);
  const viewLatch = updateLatch(state.view, confident(viewNow), nowMs, switchMs);
  const view = latched(viewLatch, viewNow);
  const viewFactor = view.value === null ? UNKNOWN_VIEW_CONFIDENCE : VIEW_CONFIDENCE[view.value];

  const orientationNow = bodyOrientation(pose, minScore);
  const orientationLatch = updateLatch(
    state.orientation,
    confident(orientationNow),
    nowMs,
    switchMs,
  );
  const orientation = latched(orientationLatch, orientationNow);

  const smooth = options.smoothAngles;
  const [hipLeftFilter, hipLeft] = filtered(
    state.filters.hipLeft,
    hipFlexionDeg(pose, 'left', minScore),
    nowMs,
    smooth,
  );
  const [hipRightFilter, hipRight] = filtered(
    state.filters.hipRight,
    hipFlexionDeg(pose, 'right', minScore),
    nowMs,
    smooth,
  );
  const [kneeLeftFilter, kneeLeft] = filtered(
    state.filters.kneeLeft,
    kneeAngleDeg(pose, 'left', facing, minScore),
    nowMs,
    smooth,
  );
  const [kneeRightFilter, kneeRight] = filtered(
    state.filters.kneeRight,
    kneeAngleDeg(pose, 'right', facing, minScore),
    nowMs,
    smooth,
  );
  const hip = scalePerLeg({ left: hipLeft, right: hipRight }, viewFactor);
  const knee = scalePerLeg({ left: kneeLeft, right: kneeRight }, viewFactor);
  const lying = orientation.value === 'lying';
  const legRaise = lying
    ? scalePerLeg(
        perLeg((side) => legRaiseDeg(pose, side, minScore)),
        viewFactor,
      )
    : { left: NOT_APPLICABLE, right: NOT_APPLICABLE };

  const kneeStateLeft = mapMeasured(knee.left, (a) => classifyKnee(a, state.kneeState.left));
  const kneeStateRight = mapMeasured(knee.right, (a) => classifyKnee(a, state.kneeState.right));

  const ankle = scalePerLeg(
    perLeg((side) => ankleFlexionDeg(pose, side, minScore)),
    viewFactor,
  );
  const trunkSide = facing ?? 'left';
  const neckNow = neckFlexionDeg(pose, trunkSide, facing, minScore);
  const neck = scaleConfidence(neckNow, viewFactor);
  const trunkInclination = trunkInclinationDeg(pose, trunkSide, minScore);

  const contourNow = scaleConfidence(roundingFromBackContour(pose, facing, minScore), viewFactor);
  const roundingWindow = pushReading(state.roundingWindow, contourNow, nowMs);
  // Only the outline judges the back; without one it is not checked (rounding.ts).
  const roundingNow = backRounding(windowedContour(roundingWindow, contourNow));
  let roundingFilter = state.filters.rounding;
  let rounding: Measured<Rounding> = roundingNow;
  if (smooth && isAvailable(roundingNow)) {
    roundingFilter = oneEuroStep(roundingFilter, roundingNow.value.index, nowMs, ANGLE_FILTER);
    rounding = available(
      { ...roundingNow.value, index: roundingFilter.value },
      roundingNow.confidence,
    );
  }
  const backState = mapMeasured(rounding, (r) => classifyBack(r.index, state.backState));

  const legNow = workingLeg(pose, orientation.value, legRaise, knee, minScore);
  const legLatch = updateLatch(state.workingLeg, confident(legNow), nowMs, switchMs);
  const leg =
    legNow.value === null && legNow.reason === 'not-applicable'
      ? legNow
      : latched(legLatch, legNow);

  const measures: BodyMeasures = {
    timestampMs: nowMs,
    personFound: true,
    wholeBodyInFrame: wholeBodyInFrame(pose, minScore),
    nearSide: near,
    view,
    orientation,
    workingLeg: leg,
    hipFlexionDeg: hip,
    legRaiseDeg: legRaise,
    kneeAngleDeg: knee,
    kneeState: { left: kneeStateLeft, right: kneeStateRight },
    ankleFlexionDeg: ankle,
    neckFlexionDeg: neck,
    trunkInclinationDeg: trunkInclination,
    rounding,
    backState,
  };
  const next: GeometryState = {
    options,
    nearSide: nearLatch,
    workingLeg: legLatch,
    orientation: orientationLatch,
    view: viewLatch,
    kneeState: {
      left: kneeStateLeft.value ?? state.kneeState.left,
      right: kneeStateRight.value ?? state.kneeState.right,
    },
    backState: backState.value ?? state.backState,
    roundingWindow,
    filters: {
      hipLeft: hipLeftFilter,
      hipRight: hipRightFilter,
      kneeLeft: kneeLeftFilter,
      kneeRight: kneeRightFilter,
      rounding: roundingFilter,
    },
  };
  return [next, measures];
}
