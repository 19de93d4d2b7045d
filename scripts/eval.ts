/**
 * `npm run eval -- [PATH] [--json OUT] [--model lightning|thunder|blazepose-full] [--rotate90]`
 *
 * Runs the pose estimator and geometry over every image and video under PATH (default
 * ../shared/realdata) and prints per-file, per-clip and per-folder tables plus the rounding
 * separation on labelled deadlift clips. Videos are sampled at 10 frames/s (ffmpeg). Local
 * evaluation only: the real data is never copied into the repository or read by tests.
 */
import { writeFileSync } from 'node:fs';
import {
  initialGeometryState,
  measureFrame,
  minScoreFor,
  nearSide,
  resolveMeasureOptions,
  type GeometryState,
} from '../src/geometry';
import type { FrameRotationDeg } from '../src/geometry/types';
import { diskModelReader } from '../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../src/pose/tfjsPoseEstimator';
import type { PixelFrame, PoseEstimator } from '../src/pose/types';
import { rotatePixels } from '../tests/helpers/images';
import { decodeVideo } from '../tests/helpers/video';
import { parseEvalArgs, type EvalArgs } from './eval/args';
import { formLabel } from './eval/labels';
import { listMedia, readImage, type MediaFile } from './eval/media';
import { estimateWithAutoRotation } from './eval/pipeline';
import { hasNearChain, toRecord, type EvalRecord } from './eval/record';
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
  readonly estimator: PoseEstimator;
  readonly minScore: number;
}

async function measure(
  run: Run,
  file: MediaFile,
  frame: PixelFrame,
  timestampMs: number | null,
  state: GeometryState,
  rotationDeg: FrameRotationDeg,
): Promise<[GeometryState, EvalRecord, FrameRotationDeg]> {
  const { estimator, minScore, args } = run;
  const result = await estimateWithAutoRotation(estimator, frame, timestampMs ?? 0, {
    minScore,
    startRotationDeg: rotationDeg,
    retryWithoutChain: timestampMs === null,
  });
  const [next, measures] = measureFrame(state, result.pose, timestampMs ?? 0);
  const raw = result.first;
  const record = toRecord(measures, {
    file: file.relativePath,
    timestampMs,
    model: args.model,
    rotated90: args.rotate90,
    inferenceRotationDeg: result.rotationDeg,
    nearChain: hasNearChain(result.pose, measures.nearSide.value, minScore),
    rawNearChain: raw !== null && hasNearChain(raw, nearSide(raw, minScore).value, minScore),
    label: formLabel(file.relativePath),
  });
  return [next, record, result.rotationDeg];
}

async function evaluateFile(run: Run, file: MediaFile): Promise<EvalRecord[]> {
  run.estimator.reset();
  if (file.kind === 'image') {
    const upright = readImage(file.path);
    const frame = run.args.rotate90 ? rotatePixels(upright, 90) : upright;
    const [, record] = await measure(run, file, frame, null, initialGeometryState(), 0);
    return [record];
  }
  const records: EvalRecord[] = [];
  let state = initialGeometryState();
  let rotationDeg: FrameRotationDeg = 0;
  for (const { frame, timestampMs } of decodeVideo(file.path, run.args.sampleFps)) {
    const [next, record, usedRotationDeg] = await measure(
      run,
      file,
      frame,
      timestampMs,
      state,
      rotationDeg,
    );
    state = next;
    rotationDeg = usedRotationDeg;
    records.push(record);
  }
  return records;
}

async function main(): Promise<void> {
  const args = parseEvalArgs(process.argv.slice(2));
  const media = listMedia(args.root).filter((f) => !args.rotate90 || f.kind === 'image');
  if (media.length === 0) throw new Error(`No images or videos under ${args.root}`);
  const estimator = await createTfjsPoseEstimator({
    model: args.model,
    reader: diskModelReader(),
    enableSegmentation: args.model.startsWith('blazepose'),
  });
  const run: Run = { args, estimator, minScore: minScoreFor(resolveMeasureOptions(), args.model) };
  console.error(
    `eval: ${media.length} files under ${args.root}, model ${args.model}${args.rotate90 ? ', images turned 90°' : ''}, videos at ${args.sampleFps} frames/s`,
  );
  const records: EvalRecord[] = [];
  const startMs = performance.now();
  for (const [i, file] of media.entries()) {
    const fileStartMs = performance.now();
    const fileRecords = await evaluateFile(run, file);
    records.push(...fileRecords);
    const seconds = ((performance.now() - fileStartMs) / 1000).toFixed(1);
    console.error(
      `[${i + 1}/${media.length}] ${file.relativePath}: ${fileRecords.length} record(s), ${seconds} s`,
    );
  }
  estimator.dispose();
  console.error(
    `eval: ${records.length} records in ${((performance.now() - startMs) / 1000).toFixed(0)} s`,
  );

  console.log(
    `Model ${args.model}; PATH ${args.root}${args.rotate90 ? '; images turned 90° clockwise' : ''}`,
  );
  printImageTable(records);
  if (args.perFrame) printFrameTable(records);
  printClipTable(records);
  printFolderSummary(records);
  printKneeOnFolds(records);
  printRoundingSeparation(records);
  if (args.jsonOut !== null) {
    writeFileSync(args.jsonOut, `${JSON.stringify(records, null, 1)}\n`);
    console.log(`\nWrote ${records.length} records to ${args.jsonOut}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
