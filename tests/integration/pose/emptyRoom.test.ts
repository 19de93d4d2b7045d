import { describe, expect, it } from 'vitest';
import { confidentKeypointCount, looksLikePerson } from '../../../src/geometry/personFound';
import { emptyRoomMp4 } from '../../helpers/emptyRoom';
import { tfjsFixture } from '../../helpers/fixtures';
import { decodeVideo } from '../../helpers/video';
import { loadEstimator } from './estimatorHelpers';

/** How MoveNet Lightning's poses over `clip` are judged, frame by frame (null: no pose at all). */
async function judged(clip: string): Promise<(boolean | null)[]> {
  const estimator = await loadEstimator('movenet-lightning');
  const out: (boolean | null)[] = [];
  try {
    for (const { frame, timestampMs } of decodeVideo(clip)) {
      const pose = await estimator.estimate(frame, timestampMs);
      out.push(pose === null ? null : looksLikePerson(pose));
    }
  } finally {
    estimator.dispose();
  }
  return out;
}

describe('MoveNet over an empty room and over people', () => {
  it('never takes the empty room for a person, though it returns a ghost pose', async () => {
    const frames = await judged(emptyRoomMp4());
    expect(frames.length).toBeGreaterThan(50);
    // The ghost is there (the old rule measured it as someone turned the wrong way)...
    expect(frames.filter((f) => f !== null).length).toBeGreaterThan(frames.length / 2);
    // ...and is never a person now.
    expect(frames.filter((f) => f === true)).toEqual([]);
  });

  it('finds the person in every frame of a real clip', async () => {
    const frames = await judged(tfjsFixture('pose_1.mp4'));
    expect(frames.every((f) => f === true)).toBe(true);
  });

  it('counts confident points with the floor it is given', async () => {
    const estimator = await loadEstimator('movenet-lightning');
    const [first] = decodeVideo(tfjsFixture('pose_1.mp4'));
    const pose = first === undefined ? null : await estimator.estimate(first.frame, 0);
    estimator.dispose();
    expect(pose).not.toBeNull();
    if (pose === null) return;
    expect(confidentKeypointCount(pose, 0)).toBe(17);
    expect(confidentKeypointCount(pose, 1.01)).toBe(0);
  });
});
