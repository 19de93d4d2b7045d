import type { Utterance } from '../../../src/feedback/cueTypes';
import type { PoseModelId } from '../../../src/geometry/types';
import { ADAPTIVE_RATE } from '../../../src/engine/adaptiveRate';
import { diskModelReader } from '../../../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../../../src/pose/tfjsPoseEstimator';
import { stretchById } from '../../../src/protocol';
import { BenchCoach } from './coach';
import { VirtualLiveLoop } from './liveSimulation';
import { stillHoldSpans, type Span, type StudioClip, type StudioFault } from './studioClips';
import { yuvFrames } from './yuvFrames';

/**
 * Milliseconds the model takes per picture on the virtual clock: the bare graph's rate on a quiet
 * 2-core machine in headless Chromium (issue #19's table: Lightning 40.6 frames/s, BlazePose full
 * 24.2). The same for both runs, so they differ only in which pictures they analyse.
 */
export const MODEL_MS: Record<PoseModelId, number> = {
  'movenet-lightning': 1000 / 40.6,
  'movenet-thunder': 1000 / 13,
  'blazepose-lite': 1000 / 35,
  'blazepose-full': 1000 / 24.2,
};

/** A cue later than this after the fault has gone is not about it. */
const CUE_WINDOW_AFTER_OFFSET_MS = 3000;

export interface FaultLatency {
  readonly clip: string;
  readonly fault: StudioFault;
  /** Fault onset (the scripted ramp starts) to its first cue; null: never cued. */
  readonly fixedMs: number | null;
  readonly adaptiveMs: number | null;
}

export interface ClipRun {
  readonly clip: StudioClip;
  readonly faults: FaultLatency[];
  /** The clip's still-hold time (hold phases, no fault in play), and pictures analysed in it. */
  readonly stillHoldMs: number;
  readonly stillHoldAnalysed: { fixed: number; adaptive: number };
  readonly analysed: { fixed: number; adaptive: number };
  readonly pictures: number;
}

function firstCue(said: readonly Utterance[], fault: StudioFault): number | null {
  const cue = said.find(
    (u) =>
      u.cueKey === `fault:${fault.id}` &&
      u.atMs >= fault.onsetMs &&
      u.atMs <= fault.offsetMs + CUE_WINDOW_AFTER_OFFSET_MS,
  );
  return cue === undefined ? null : cue.atMs - fault.onsetMs;
}

/** How many of `times` fall in `spans`. */
function countIn(spans: readonly Span[], times: readonly number[]): number {
  return times.filter((t) => spans.some(([a, b]) => t >= a && t < b)).length;
}

/**
 * Plays `clip` through two live sessions side by side, one analysing at the model's full rate and
 * one at the adaptive rate, each with its own estimator, and times every scripted fault's cue.
 */
export async function runClip(clip: StudioClip, model: PoseModelId): Promise<ClipRun> {
  const stretch = stretchById(clip.stretch);
  if (stretch === undefined) throw new Error(`${clip.id}: unknown stretch ${clip.stretch}`);
  const options = {
    model,
    reader: diskModelReader(),
    enableSegmentation: model.startsWith('blazepose'),
  };
  const loops = {
    fixed: new VirtualLiveLoop(
      await createTfjsPoseEstimator(options),
      new BenchCoach(stretch),
      MODEL_MS[model],
      null,
    ),
    adaptive: new VirtualLiveLoop(
      await createTfjsPoseEstimator(options),
      new BenchCoach(stretch),
      MODEL_MS[model],
      ADAPTIVE_RATE,
    ),
  };
  let pictures = 0;
  for await (const picture of yuvFrames(clip.videoPath, clip.widthPx, clip.heightPx)) {
    const nowMs = (pictures * 1000) / clip.fps;
    await loops.fixed.picture(picture, nowMs);
    await loops.adaptive.picture(picture, nowMs);
    pictures++;
  }
  const endMs = (pictures * 1000) / clip.fps + 1000;
  loops.fixed.runUntil(endMs);
  loops.adaptive.runUntil(endMs);
  loops.fixed.dispose();
  loops.adaptive.dispose();
  const spans = stillHoldSpans(clip);
  return {
    clip,
    pictures,
    faults: clip.faults.map((fault) => ({
      clip: clip.id,
      fault,
      fixedMs: firstCue(loops.fixed.coach.said, fault),
      adaptiveMs: firstCue(loops.adaptive.coach.said, fault),
    })),
    stillHoldMs: spans.reduce((sum, [a, b]) => sum + (b - a), 0),
    stillHoldAnalysed: {
      fixed: countIn(spans, loops.fixed.analysedAtMs),
      adaptive: countIn(spans, loops.adaptive.analysedAtMs),
    },
    analysed: {
      fixed: loops.fixed.analysedAtMs.length,
      adaptive: loops.adaptive.analysedAtMs.length,
    },
  };
}
