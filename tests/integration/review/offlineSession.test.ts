import { describe, expect, it } from 'vitest';
import { absent, hinge, ramp, roundBack } from '../../../src/demo/bodyModel';
import { STRETCHES, stretchById } from '../../../src/protocol';
import { replayOfflineSession } from '../../../src/review/offlineSession';
import { reviewTimeline } from '../../../src/review/reviewTimeline';
import { detectStretch } from '../../../src/review/stretchDetection';
import { buildSessionReport } from '../../../src/session/reportSession';
import { parseSessionFile } from '../../../src/session/sessionImport';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import { generatedVideo } from './videoSession';

/**
 * A 50 s video of the standing stretch, as an uploaded clip would show it: the person is already
 * in the start position, hinges to 80° at 3-5 s, rounds the back at 15-18 s, holds on and stands
 * up at 42 s. The geometry and the protocol run over it in video time. BlazePose full, whose
 * person mask shows the back's outline: MoveNet's keypoints alone no longer judge the back.
 */
const STANDING_SPEC = {
  posture: 'standing-step',
  nearSide: 'left',
  workingLeg: 'left',
  model: 'blazepose',
  noise: { sigmaPx: 1, seed: 3 },
  actions: [
    hinge(80, { atMs: 3_000, overMs: 2_000 }),
    roundBack({ atMs: 15_000, forMs: 3_000 }),
    ramp('hipDeg', 40, { atMs: 42_000, overMs: 1_500 }),
  ],
} as const;
const STANDING_VIDEO = generatedVideo(STANDING_SPEC, 50_000);
const standing = stretchById('standing-hamstring');

function standingRecord() {
  return replayOfflineSession({
    id: 'video-1',
    startedAtEpochMs: Date.UTC(2025, 5, 3, 9),
    stretch: standing,
    measures: STANDING_VIDEO.measures,
    durationMs: STANDING_VIDEO.durationMs,
    model: 'blazepose-full',
  });
}

describe('a video replayed as a session', () => {
  it('counts the hold the person in the video did, with the fault where it happened', () => {
    const record = standingRecord();
    const report = buildSessionReport(record);
    const [stretch] = report.stretches;
    expect(stretch?.stretchId).toBe('standing-hamstring');
    const [rep] = stretch?.reps ?? [];
    expect(rep).toMatchObject({ kind: 'hold', leg: 'left', rep: 1, completed: true });
    if (rep?.kind !== 'hold') throw new Error('no hold rep');
    expect(rep.heldInFormMs).toBe(30_000);
    // No intro or countdown for a video: the rep starts a steady second into the clip.
    expect(rep.startTMs).toBeGreaterThanOrEqual(1_000);
    expect(rep.startTMs).toBeLessThanOrEqual(1_500);
    const rounded = rep.faults.find((f) => f.fault === 'back-rounded');
    expect(rounded?.startTMs).toBeGreaterThan(15_000);
    expect(rounded?.startTMs).toBeLessThan(16_000);
    expect(rep.peakDeg).toBeGreaterThan(78);
  });

  it('says the back was checked from its outline, or not checked and why', () => {
    const seen = buildSessionReport(standingRecord()).stretches[0]?.reps[0];
    if (seen?.kind !== 'hold') throw new Error('no hold rep');
    expect(seen.rounding).toMatchObject({ method: 'back-contour', notChecked: null });

    // The same person through MoveNet: no mask, so no rounding and no back fault, and the report
    // says the back was not checked rather than that the form was fine.
    const movenetVideo = generatedVideo({ ...STANDING_SPEC, model: 'movenet' }, 50_000);
    const record = replayOfflineSession({
      id: 'video-movenet',
      startedAtEpochMs: Date.UTC(2025, 5, 3, 9),
      stretch: standing,
      measures: movenetVideo.measures,
      durationMs: movenetVideo.durationMs,
      model: 'movenet-lightning',
    });
    const report = buildSessionReport(record);
    const rep = report.stretches[0]?.reps[0];
    if (rep?.kind !== 'hold') throw new Error('no hold rep');
    expect(rep.faults.map((f) => f.fault)).not.toContain('back-rounded');
    expect(rep.rounding).toMatchObject({ meanIndex: null, notChecked: 'model-without-mask' });
    expect(report.summary).toContain(
      "Your back was not checked in your holds: the pose model used can't see the outline of " +
        'your back (BlazePose full can).',
    );
    // No praise for a back nobody saw.
    expect(report.summary.join(' ')).not.toMatch(/Well done/);
  });

  it('keeps the whole video: every sample at 10 a second, and the clip length as duration', () => {
    const record = standingRecord();
    expect(record.samples.tMs).toHaveLength(501);
    expect(record.samples.tMs.at(-1)).toBe(50_000);
    expect(record.meta.lastTMs).toBe(50_000);
    expect(record.meta.status).toBe('finished');
    // The video ended in the rest before rep 2: the routine did not complete.
    expect(record.meta.endReason).toBe('stopped');
  });

  it('asks nothing the person in the video could not answer, and says nothing', () => {
    const record = standingRecord();
    const types = new Set(record.events.map((e) => e.type));
    for (const unasked of [
      'warm-up-reminder',
      'warm-up-answered',
      'symptom-check',
      'symptom-check-skipped',
    ])
      expect(types.has(unasked as never)).toBe(false);
    expect(record.cues).toEqual([]);
    const report = buildSessionReport(record);
    expect(report.warmUp).toBeNull();
    expect(report.stretches[0]?.symptom).toBeNull();
  });

  it('is a record the history imports like any exported session', () => {
    const parsed = parseSessionFile(exportSessionsJson([standingRecord()], Date.UTC(2025, 5, 3)));
    expect(parsed.ok).toBe(true);
  });

  it('ends completed when the video holds every rep of the routine', () => {
    const oneRep = { ...standing, dose: { ...standing.dose, reps: 1 } } as typeof standing;
    const record = replayOfflineSession({
      id: 'video-2',
      startedAtEpochMs: Date.UTC(2025, 5, 3, 9),
      stretch: { ...oneRep, legs: 'both-legs' },
      measures: STANDING_VIDEO.measures,
      durationMs: STANDING_VIDEO.durationMs,
      model: null,
    });
    expect(record.meta.endReason).toBe('completed');
  });
});

describe('detecting the stretch in a video', () => {
  it('finds the standing stretch from its reps, and says so', () => {
    const detection = detectStretch(STRETCHES, STANDING_VIDEO.measures, STANDING_VIDEO.durationMs);
    expect(detection.stretchId).toBe('standing-hamstring');
    expect(detection.how).toBe('reps');
    expect(detection.explanation).toMatch(/^Detected the standing hamstring stretch/);
    expect(detection.orientationShares.upright).toBeGreaterThan(0.9);
  });

  it('finds the lying strap stretch in a video of it', () => {
    const video = generatedVideo(
      {
        posture: 'supine-strap',
        nearSide: 'right',
        workingLeg: 'right',
        model: 'blazepose',
        actions: [hinge(75, { atMs: 2_000, overMs: 3_000 })],
      },
      40_000,
    );
    const detection = detectStretch(STRETCHES, video.measures, video.durationMs);
    expect(detection.stretchId).toBe('supine-strap');
    expect(detection.how).toBe('reps');
  });

  it('falls back on the body position when no stretch could start, and says that too', () => {
    // Sitting, but out of the frame for 0.2 s of every 0.8 s: never a steady second in any
    // stretch's start position, so no rep starts.
    const video = generatedVideo(
      {
        posture: 'long-sit',
        nearSide: 'left',
        workingLeg: 'left',
        model: 'movenet',
        actions: Array.from({ length: 25 }, (_, i) => absent({ atMs: i * 800 + 600, forMs: 200 })),
      },
      20_000,
    );
    const detection = detectStretch(STRETCHES, video.measures, video.durationMs);
    expect(detection.how).toBe('orientation');
    expect(detection.stretchId).toBe('seated-long-sit');
    expect(detection.explanation).toContain('sitting in');
  });

  it('says when nobody was found at all', () => {
    const video = generatedVideo(
      {
        posture: 'standing-step',
        nearSide: 'left',
        workingLeg: 'left',
        model: 'movenet',
        actions: [absent({ atMs: 0, forMs: 20_000 })],
      },
      10_000,
    );
    const detection = detectStretch(STRETCHES, video.measures, video.durationMs);
    expect(detection.how).toBe('orientation');
    expect(detection.explanation).toMatch(/^Nobody was found/);
  });
});

describe('the review timeline', () => {
  it('draws the working leg and jumps to each fault, in video time', () => {
    const record = standingRecord();
    const timeline = reviewTimeline(record, buildSessionReport(record), 0, 50_000);
    expect(timeline.xS[0]).toBe(0);
    expect(timeline.xS.at(-1)).toBe(50);
    expect(timeline.charts.map((c) => c.id)).toEqual(['depth', 'knee', 'rounding']);
    const depth = timeline.charts[0];
    expect(depth?.title).toBe('Hip hinge angle');
    // The left leg works; the right (standing) leg has no line.
    expect(depth?.series.map((s) => s.role)).toEqual(['left']);
    const rounded = timeline.faults.find((f) => f.fault === 'back-rounded');
    expect(rounded?.label).toBe('rounded back');
    expect(rounded?.startMs).toBeGreaterThan(15_000);
    expect(timeline.reps).toHaveLength(1);
    expect(timeline.reps[0]?.label).toBe('Left leg, rep 1');
  });

  it('shifts a live clip that started into its session, and leaves out what is outside it', () => {
    const record = standingRecord();
    const report = buildSessionReport(record);
    const timeline = reviewTimeline(record, report, 10_000, 20_000);
    expect(timeline.xS[0]).toBe(0);
    expect(timeline.xS.at(-1)).toBe(20);
    const rounded = timeline.faults.find((f) => f.fault === 'back-rounded');
    const full = reviewTimeline(record, report, 0, 50_000).faults.find(
      (f) => f.fault === 'back-rounded',
    );
    expect(rounded?.startMs).toBeCloseTo((full?.startMs ?? 0) - 10_000);
    // The rep started before the clip did.
    expect(timeline.reps).toHaveLength(0);
  });
});
