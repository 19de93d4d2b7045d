import { hinge, roundBack } from '../../src/demo/bodyModel';
import { bodyTrack } from '../../src/demo/bodyModel';
import { initialGeometryState, measureFrame } from '../../src/geometry';
import { stretchById } from '../../src/protocol';
import type { ClipNote } from '../../src/review/annotations';
import type { StoredClip } from '../../src/review/clipTypes';
import { replayOfflineSession } from '../../src/review/offlineSession';
import { PoseTrackBuilder } from '../../src/review/poseTrack';

/**
 * A whole clip for review tests, made without a browser: the parametric body doing the standing
 * stretch for 20 s (hinge at 2 s, rounded back at 8-10 s), analysed at 10 frames a second, with
 * stand-in video bytes (tests in Node never play them) and two notes.
 */
export function reviewClip(id = 'clip-1', videoBytes = 4_096): StoredClip {
  const durationMs = 20_000;
  const frames = bodyTrack({
    posture: 'standing-step',
    nearSide: 'left',
    workingLeg: 'left',
    model: 'movenet',
    actions: [hinge(80, { atMs: 2_000 }), roundBack({ atMs: 8_000, forMs: 2_000 })],
  }).frames(10, durationMs);
  const builder = new PoseTrackBuilder('movenet-lightning');
  let geometry = initialGeometryState();
  const measures = frames.map(({ tMs, pose }) => {
    builder.push(tMs, pose, { widthPx: 640, heightPx: 480 });
    const [next, m] = measureFrame(geometry, pose, tMs);
    geometry = next;
    return m;
  });
  const createdAtEpochMs = Date.UTC(2025, 5, 3, 9);
  const session = replayOfflineSession({
    id: `${id}-session`,
    startedAtEpochMs: createdAtEpochMs,
    stretch: stretchById('standing-hamstring'),
    measures,
    durationMs,
    model: 'movenet-lightning',
  });
  const bytes = new Uint8Array(videoBytes).map((_, i) => (i * 31 + 7) % 251);
  const notes: ClipNote[] = [
    {
      id: 'n1',
      atMs: 8_200,
      text: 'The back starts to round here.',
      author: 'Coach Sam',
      createdAtEpochMs,
      updatedAtEpochMs: createdAtEpochMs,
    },
    {
      id: 'n2',
      atMs: 15_000,
      text: 'Better: long back again.',
      author: null,
      createdAtEpochMs,
      updatedAtEpochMs: createdAtEpochMs,
    },
  ];
  return {
    meta: {
      id,
      title: 'Standing hamstring stretch',
      createdAtEpochMs,
      origin: 'upload',
      sessionId: session.meta.id,
      sessionTimeAtVideoStartMs: 0,
      durationMs,
      video: {
        mimeType: 'video/mp4',
        byteSize: bytes.length,
        widthPx: 640,
        heightPx: 480,
        fileName: 'phone.mp4',
      },
      model: 'movenet-lightning',
      stretchIds: ['standing-hamstring'],
      analysis: {
        rate: { kind: 'per-second', perSecond: 10 },
        framesAnalysed: frames.length,
        stretchChoice: 'detected',
        detectionExplanation: 'Detected the standing hamstring stretch.',
      },
      notes,
    },
    video: new Blob([bytes], { type: 'video/mp4' }),
    track: builder.build({ widthPx: 640, heightPx: 480 }),
    session,
  };
}
