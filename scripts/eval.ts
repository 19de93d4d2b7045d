/**
 * `npm run eval -- [PATH] [--json OUT] [--model lightning|thunder|blazepose-full] [--rotate90]
 *   [--fps N] [--per-frame] [--holdout] [--pose-cache DIR] [--every N]`
 *
 * A PATH holding studio sidecars (`<id>.truth.json`) is scored against its truth instead
 * (eval/studio/studioEval.ts). Otherwise:
 *
 * Runs the pose estimator and geometry over every image and video under PATH (default
 * ../shared/realdata) and prints per-file, per-clip and per-folder tables plus the rounding
 * separation on labelled deadlift clips. Videos are sampled at 10 frames/s (ffmpeg), each frame
 * measured as that instant's pose (the live keypoint filter only with --smoothing). A still
 * image whose near-side leg is not found is tried turned, then with a margin around it
 * (eval/pipeline.ts). Local evaluation only: the real data is never copied into the repository
 * or read by tests.
 */
import { accessSync, constants, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  calibratedTrunkRatio,
  initialGeometryState,
  measureFrame,
  minScoreFor,
  nearSide,
  resolveMeasureOptions,
  trunkToLegRatio,
  updateTrunkCalibration,
  type GeometryState,
  type TrunkCalibration,
} from '../src/geometry';
import { diskModelReader } from '../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../src/pose/tfjsPoseEstimator';
import type { PoseEstimator } from '../src/pose/types';
import {
  printBackAgreement,
  printHoldout,
  printPoseDefinitionAgreement,
  printVisualNotes,
} from './eval/agreement';
import { parseEvalArgs, type EvalArgs } from './eval/args';
import { formLabel } from './eval/labels';
import { listMedia, type MediaFile } from './eval/media';
import { cachedEstimate, type Estimated } from './eval/estimateFile';
import { hasPoseCache, type CacheKey, type CachedFrame } from './eval/poseCache';
import { runStudioEval } from './eval/studio/studioEval';
import { hasNearChain, toRecord, trunkChordShortening, type EvalRecord } from './eval/record';
import {
  printClipTable,
  printFolderSummary,
  printFrameTable,
  printImageTable,
  printKneeOnFolds,
  printRoundingSeparation,
} from './eval/report';

interface Run {
  readonly args: EvalArgs;
  readonly estimator: PoseEstimator | null;
  readonly minScore: number;
}

/** Where the estimator's output for `file` under this run's settings is cached. */
function cacheKey(args: EvalArgs, file: MediaFile): CacheKey {
  return {
    model: args.model,
    rotate90: args.rotate90,
    sampleFps: args.sampleFps,
    smoothing: args.smoothing,
    relativePath: file.relativePath,
  };
}

/** The file's frames from the pose cache, else from the estimator (and then cached if whole). */
function framesOf(run: Run, file: MediaFile): Promise<Estimated> {
  const { args } = run;
  const settings = {
    minScore: run.minScore,
    sampleFps: args.sampleFps,
    rotate90: args.rotate90,
    rotation: 'auto',
  } as const;
  return cachedEstimate(run.estimator, settings, file, args.poseCache, cacheKey(args, file));
}

/** Geometry over one file's frames, in order, with one state per file (as a live session). */
function measureFile(run: Run, file: MediaFile, frames: readonly CachedFrame[]): EvalRecord[] {
  const { args, minScore } = run;
  let state: GeometryState = initialGeometryState();
  // The upright trunk length, for the trunk-chord study column: geometry no longer keeps it,
  // since the trunk chord does not judge the back any more (geometry/rounding.ts).
  let calibration: TrunkCalibration | null = null;
  return frames.map(({ timestampMs, first, pose, rotationDeg }) => {
    const [next, measures] = measureFrame(state, pose, timestampMs ?? 0);
    state = next;
    if (pose !== null && measures.personFound) {
      const side = measures.nearSide.value ?? 'left';
      calibration = updateTrunkCalibration(calibration, {
        orientation: measures.orientation.value,
        view: measures.view.value,
        trunkInclinationDeg: measures.trunkInclinationDeg,
        nearKneeAngleDeg: measures.kneeAngleDeg[side],
        trunkToLegRatio: trunkToLegRatio(pose, side, minScore),
      });
    }
    return toRecord(measures, {
      file: file.relativePath,
      timestampMs,
      model: args.model,
      rotated90: args.rotate90,
      inferenceRotationDeg: rotationDeg,
      nearChain: hasNearChain(pose, measures.nearSide.value, minScore),
      rawNearChain:
        first !== null && hasNearChain(first, nearSide(first, minScore).value, minScore),
      label: formLabel(file.relativePath),
      trunkChordShortening: trunkChordShortening(
        pose,
        measures.nearSide.value,
        calibratedTrunkRatio(calibration),
        minScore,
      ),
    });
  });
}

/**
 * The record standing for a file, or the rest of a clip, that could not be read: nothing measured
 * (every measure null, confidence 0), `timestampMs` null, and `error` saying why.
 */
function unreadRecord(run: Run, file: MediaFile, error: string): EvalRecord {
  const [record] = measureFile(run, file, [
    { timestampMs: null, first: null, pose: null, rotationDeg: 0 },
  ]);
  if (record === undefined) throw new Error('unreachable: one frame in, one record out');
  return { ...record, error };
}

function allCached(args: EvalArgs, media: readonly MediaFile[]): boolean {
  const dir = args.poseCache;
  return dir !== null && media.every((file) => hasPoseCache(dir, cacheKey(args, file)));
}

/** Creates the folder of `path` and checks a file can be written there. */
function prepareOutput(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  accessSync(dirname(path), constants.W_OK);
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  if (args.mode === 'studio') {
    if (args.jsonOut !== null) prepareOutput(args.jsonOut);
    await runStudioEval(args);
    return;
  }
  const media = listMedia(args.root).filter((f) => !args.rotate90 || f.kind === 'image');
  if (media.length === 0) throw new Error(`No images or videos under ${args.root}`);
  // Found out now, not after an hour of inference: the folder for --json exists and takes a file.
  if (args.jsonOut !== null) prepareOutput(args.jsonOut);
  const estimator = allCached(args, media)
    ? null
    : await createTfjsPoseEstimator({
        model: args.model,
        reader: diskModelReader(),
        enableSegmentation: args.model.startsWith('blazepose'),
        enableSmoothing: args.smoothing,
      });
  const run: Run = { args, estimator, minScore: minScoreFor(resolveMeasureOptions(), args.model) };
  console.error(
    `eval: ${media.length} files under ${args.root}, model ${args.model}${args.rotate90 ? ', images turned 90°' : ''}, videos at ${args.sampleFps} frames/s${args.smoothing ? ' through the live keypoint filter' : ''}`,
  );
  const records: EvalRecord[] = [];
  const unread: string[] = [];
  const startMs = performance.now();
  for (const [i, file] of media.entries()) {
    const fileStartMs = performance.now();
    const { frames, error } = await framesOf(run, file);
    const fileRecords = measureFile(run, file, frames);
    if (error !== null) {
      fileRecords.push(unreadRecord(run, file, error));
      unread.push(`${file.relativePath}: ${error}`);
    }
    records.push(...fileRecords);
    const seconds = ((performance.now() - fileStartMs) / 1000).toFixed(1);
    const problem =
      error === null ? '' : `; ${frames.length === 0 ? 'not read' : 'cut short'}: ${error}`;
    console.error(
      `[${i + 1}/${media.length}] ${file.relativePath}: ${frames.length} frame(s), ${seconds} s${problem}`,
    );
  }
  estimator?.dispose();
  console.error(
    `eval: ${records.length} records in ${((performance.now() - startMs) / 1000).toFixed(0)} s`,
  );
  if (unread.length > 0) {
    console.error(
      `eval: ${unread.length} file(s) could not be read whole:\n  ${unread.join('\n  ')}`,
    );
  }

  console.log(
    `Model ${args.model}; PATH ${args.root}${args.rotate90 ? '; images turned 90° clockwise' : ''}`,
  );
  printImageTable(records);
  if (args.perFrame) printFrameTable(records);
  printClipTable(records);
  printFolderSummary(records);
  printKneeOnFolds(records);
  printPoseDefinitionAgreement(records);
  printRoundingSeparation(records);
  printBackAgreement(records);
  if (args.holdout) printHoldout(records);
  printVisualNotes(records);
  if (args.jsonOut !== null) {
    writeFileSync(args.jsonOut, `${JSON.stringify(records, null, 1)}\n`);
    console.log(`\nWrote ${records.length} records to ${args.jsonOut}`);
  }
  // Nothing at all read is a failed run; some files unread is a finding, listed above.
  if (records.every((record) => record.error !== undefined)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
