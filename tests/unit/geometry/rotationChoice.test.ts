import { describe, expect, it } from 'vitest';
import { bodyTrack } from '../../../src/demo/bodyModel';
import {
  BACK_TO_UPRIGHT_AFTER_FRAMES,
  nextRotation,
  SWITCH_AFTER_FRAMES,
  UPRIGHT_FRAMES,
  type RotationChoice,
} from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';

/** Poses of the test body model: a person lying for the strap stretch, and one standing. */
function poseOf(posture: 'supine-strap' | 'standing-step', nearSide: 'left' | 'right'): Pose {
  const pose = bodyTrack({ posture, nearSide, workingLeg: nearSide, model: 'movenet' }).poseAt(0);
  if (pose === null) throw new Error('no pose');
  return pose;
}

function run(poses: readonly (Pose | null)[], from: RotationChoice = UPRIGHT_FRAMES) {
  const turns: number[] = [];
  let choice = from;
  for (const pose of poses) {
    choice = nextRotation(choice, pose);
    turns.push(choice.rotationDeg);
  }
  return { choice, turns };
}

const lyingLeft = poseOf('supine-strap', 'left');
const lyingRight = poseOf('supine-strap', 'right');
const standing = poseOf('standing-step', 'left');

describe('turning the frames for a lying body', () => {
  it('leaves a standing body upright', () => {
    expect(run(Array<Pose>(20).fill(standing)).turns.every((t) => t === 0)).toBe(true);
  });

  it.each([
    ['head to the right', lyingLeft],
    ['head to the left', lyingRight],
  ])('turns a body lying %s a quarter turn, after a few poses in a row', (_, lying) => {
    const { turns } = run(Array<Pose>(SWITCH_AFTER_FRAMES + 2).fill(lying));
    expect(turns.slice(0, SWITCH_AFTER_FRAMES - 1).every((t) => t === 0)).toBe(true);
    const turned = turns[SWITCH_AFTER_FRAMES - 1];
    expect([90, 270]).toContain(turned);
    expect(turns.slice(SWITCH_AFTER_FRAMES - 1).every((t) => t === turned)).toBe(true);
  });

  it('turns the two lying directions opposite ways', () => {
    const left = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingLeft)).choice.rotationDeg;
    const right = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingRight)).choice.rotationDeg;
    expect((left + 180) % 360).toBe(right);
  });

  it('does not flap: suggestions that keep changing never switch, one odd pose changes nothing', () => {
    const mixed = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? standing : lyingLeft));
    // Lying two poses in three from upright: never SWITCH_AFTER_FRAMES in a row.
    expect(run(mixed).turns.every((t) => t === 0)).toBe(true);
    const turned = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingLeft)).choice;
    const after = run([standing, lyingLeft, standing, standing, lyingLeft], turned);
    expect(after.turns.every((t) => t === turned.rotationDeg)).toBe(true);
  });

  it('goes back upright when a turned frame has shown nobody for a while', () => {
    const turned = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingLeft)).choice;
    const waiting = run(Array<null>(BACK_TO_UPRIGHT_AFTER_FRAMES - 1).fill(null), turned);
    expect(waiting.choice.rotationDeg).toBe(turned.rotationDeg);
    expect(nextRotation(waiting.choice, null)).toEqual(UPRIGHT_FRAMES);
    // A pose in between restarts the count.
    const seen = run(
      [...Array<null>(10).fill(null), lyingLeft, ...Array<null>(10).fill(null)],
      turned,
    );
    expect(seen.choice.rotationDeg).toBe(turned.rotationDeg);
  });

  it('stands a body back up when it gets up: turned, then upright poses in a row', () => {
    const turned = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingLeft)).choice;
    expect(run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(standing), turned).choice.rotationDeg).toBe(0);
  });

  it("an empty room's ghost pose neither turns the frames nor keeps them turned", () => {
    // A ghost: a lying body's layout, every keypoint unsure (0.3-0.45) as over an empty room.
    const keypoints = Object.fromEntries(
      Object.entries(lyingLeft.keypoints).map(([name, k]) => [name, { ...k, score: 0.4 }]),
    ) as Pose['keypoints'];
    const ghost: Pose = { ...lyingLeft, keypoints };
    expect(run(Array<Pose>(SWITCH_AFTER_FRAMES + 2).fill(ghost)).turns.every((t) => t === 0)).toBe(
      true,
    );
    const turned = run(Array<Pose>(SWITCH_AFTER_FRAMES).fill(lyingLeft)).choice;
    const ghosts = run(Array<Pose>(BACK_TO_UPRIGHT_AFTER_FRAMES).fill(ghost), turned);
    expect(ghosts.choice).toEqual(UPRIGHT_FRAMES);
  });
});
