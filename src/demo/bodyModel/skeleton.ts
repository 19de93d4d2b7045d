/**
 * Forward kinematics of a side-view body. Angles live in the body's sagittal plane and are
 * measured from the body's own "down" (hip -> feet when standing) turning towards its front, so
 * one description covers standing, sitting and lying; `placeBody` then lays the body's frame
 * onto the image.
 *
 * Segment lengths are fractions of standing height (Drillis & Contini, as in Winter's
 * "Biomechanics and Motor Control of Human Movement"): thigh 0.245, shank 0.246, hip to
 * shoulder 0.288, upper arm 0.186, forearm 0.146, foot 0.152.
 */
export const SEGMENTS = {
  thigh: 0.245,
  shank: 0.246,
  trunk: 0.288,
  upperArm: 0.186,
  forearm: 0.146,
  /** Shoulder to ear along the neck line. */
  neck: 0.11,
  /** Ear to nose, roughly square to the neck line. */
  face: 0.07,
  /** Heel to the base of the big toe (BlazePose's foot index). */
  foot: 0.14,
  /** The heel sits behind and below the ankle joint. */
  heelBack: 0.045,
  heelDown: 0.035,
} as const;

/** One leg's pose: thigh from body-down towards the front, knee flexion, ankle flexion. */
export interface LegAngles {
  readonly thighDeg: number;
  /** 0 = straight; negative = hyperextended. */
  readonly kneeFlexionDeg: number;
  /** 0 = sole square to the shin; positive = toes pulled up; negative = pointed. */
  readonly ankleDeg: number;
}

export interface BodyAngles {
  /** Trunk line (hip -> shoulder) turned forward from body-up: the hinge. */
  readonly trunkForwardDeg: number;
  /**
   * Back rounding: the share the hip -> shoulder chord shortens (a curled spine is shorter end to
   * end) and, with it, the chord tips a little further forward.
   */
  readonly chordShortening: number;
  /** Head dropped forward from the trunk line. */
  readonly neckFlexionDeg: number;
  readonly working: LegAngles;
  readonly other: LegAngles;
  /** Where the hands go. */
  readonly arms: 'hang' | 'reach-working-foot' | 'on-thighs';
}

/** A point in the body's frame: `a` towards the front, `b` towards the head, in heights. */
export interface BodyPoint {
  readonly a: number;
  readonly b: number;
}

/** A direction `deg` from body-down, turned towards the front. */
function fromDown(deg: number): BodyPoint {
  const r = (deg * Math.PI) / 180;
  return { a: Math.sin(r), b: -Math.cos(r) };
}

function add(p: BodyPoint, dir: BodyPoint, length: number): BodyPoint {
  return { a: p.a + dir.a * length, b: p.b + dir.b * length };
}

export type SidedPart = 'hip' | 'knee' | 'ankle' | 'heel' | 'foot_index';

export interface BodyPoints {
  readonly hip: BodyPoint;
  readonly shoulder: BodyPoint;
  readonly ear: BodyPoint;
  readonly nose: BodyPoint;
  readonly eye: BodyPoint;
  readonly mouth: BodyPoint;
  readonly elbow: BodyPoint;
  readonly wrist: BodyPoint;
  readonly hand: BodyPoint;
  readonly working: Readonly<Record<SidedPart, BodyPoint>>;
  readonly other: Readonly<Record<SidedPart, BodyPoint>>;
}

function legPoints(hip: BodyPoint, leg: LegAngles): Record<SidedPart, BodyPoint> {
  const knee = add(hip, fromDown(leg.thighDeg), SEGMENTS.thigh);
  const shankDeg = leg.thighDeg - leg.kneeFlexionDeg;
  const ankle = add(knee, fromDown(shankDeg), SEGMENTS.shank);
  // The sole turns forward of the shin by 90 degrees plus the ankle flexion.
  const soleDeg = shankDeg + 90 + leg.ankleDeg;
  const heel = add(
    add(ankle, fromDown(soleDeg), -SEGMENTS.heelBack),
    fromDown(shankDeg),
    SEGMENTS.heelDown,
  );
  const toe = add(heel, fromDown(soleDeg), SEGMENTS.foot);
  return { hip, knee, ankle, heel, foot_index: toe };
}

/**
 * The body model's spine curl per unit of trunk-chord shortening: 0.25 shortening is a curl of
 * ~80 degrees, whose chord tips forward by half of it. The person mask draws the back outline
 * with this curl (trunkMask.ts), so keypoints and outline show the same back.
 */
export const CURL_PER_SHORTENING_DEG = 320;

export function bodyPoints(angles: BodyAngles): BodyPoints {
  const hip: BodyPoint = { a: 0, b: 0 };
  // A curled spine's chord tips forward by half the curl; 0.25 shortening is ~40 degrees of tip.
  const trunkDeg =
    180 - angles.trunkForwardDeg - (CURL_PER_SHORTENING_DEG / 2) * angles.chordShortening;
  const shoulder = add(hip, fromDown(trunkDeg), SEGMENTS.trunk * (1 - angles.chordShortening));
  const neckDeg = trunkDeg - angles.neckFlexionDeg;
  const ear = add(shoulder, fromDown(neckDeg), SEGMENTS.neck);
  // The face looks along the front, square to the neck line and a little down.
  const faceDeg = neckDeg - 100;
  const nose = add(ear, fromDown(faceDeg), SEGMENTS.face);
  const eye = add(add(ear, fromDown(faceDeg), SEGMENTS.face * 0.7), fromDown(neckDeg), 0.015);
  const mouth = add(add(ear, fromDown(faceDeg), SEGMENTS.face * 0.8), fromDown(neckDeg), -0.03);
  const working = legPoints(hip, angles.working);
  const other = legPoints(hip, angles.other);
  const { elbow, wrist } = armPoints(shoulder, angles, working, other);
  return { hip, shoulder, ear, nose, eye, mouth, elbow, wrist, hand: wrist, working, other };
}

/** Arms: hanging, reaching towards the working foot (strap, fold), or resting on the thighs. */
function armPoints(
  shoulder: BodyPoint,
  angles: BodyAngles,
  working: Record<SidedPart, BodyPoint>,
  other: Record<SidedPart, BodyPoint>,
): { elbow: BodyPoint; wrist: BodyPoint } {
  const reach = SEGMENTS.upperArm + SEGMENTS.forearm;
  let target: BodyPoint;
  if (angles.arms === 'reach-working-foot') target = working.ankle;
  else if (angles.arms === 'on-thighs') target = other.knee;
  else target = add(shoulder, fromDown(angles.trunkForwardDeg > 60 ? 0 : 10), reach);
  const dx = target.a - shoulder.a;
  const dy = target.b - shoulder.b;
  const distance = Math.hypot(dx, dy);
  const unit = { a: dx / (distance || 1), b: dy / (distance || 1) };
  const wrist = add(shoulder, unit, Math.min(distance, reach * 0.98));
  const elbow = add(shoulder, unit, SEGMENTS.upperArm * 0.98);
  return { elbow, wrist };
}
