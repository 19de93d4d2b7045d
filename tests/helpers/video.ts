import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { PixelFrame } from '../../src/pose/types';

/** Debian's ffmpeg decodes test clips in Node; `.ci/run` installs it. */
export function requireFfmpeg(): void {
  const probe = spawnSync('ffmpeg', ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new Error(
      'ffmpeg is needed to decode test videos: apt-get install -y ffmpeg (see .ci/run)',
    );
  }
}

export interface VideoInfo {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly framesPerSecond: number;
  readonly durationMs: number;
}

/** Display size (rotation applied), frame rate and duration of a clip. */
export function probeVideo(path: string): VideoInfo {
  requireFfmpeg();
  const json = ffprobeVideo(
    path,
    'stream=width,height,r_frame_rate:stream_side_data=rotation:format=duration',
    'json',
  );
  const parsed = JSON.parse(json) as {
    streams: {
      width: number;
      height: number;
      r_frame_rate: string;
      side_data_list?: { rotation?: number }[];
    }[];
    format: { duration: string };
  };
  const stream = parsed.streams[0];
  if (stream === undefined) throw new Error(`${path}: no video stream`);
  const [num = 0, den = 1] = stream.r_frame_rate.split('/').map(Number);
  const rotation = Math.abs(stream.side_data_list?.[0]?.rotation ?? 0);
  const swap = rotation === 90 || rotation === 270;
  return {
    widthPx: swap ? stream.height : stream.width,
    heightPx: swap ? stream.width : stream.height,
    framesPerSecond: num / den,
    durationMs: Number(parsed.format.duration) * 1000,
  };
}

export interface DecodedFrame {
  readonly timestampMs: number;
  readonly frame: PixelFrame;
}

/**
 * Decodes a clip into RGB frames. With `sampleFps` the clip is resampled to that rate,
 * otherwise every frame is returned. Timestamps are the frame's presentation time.
 */
export function decodeVideo(path: string, sampleFps?: number): DecodedFrame[] {
  const info = probeVideo(path);
  const fps = sampleFps ?? info.framesPerSecond;
  const filters = sampleFps === undefined ? [] : ['-vf', `fps=${sampleFps}`];
  const raw = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', path, ...filters, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { maxBuffer: 2 * 1024 * 1024 * 1024 },
  );
  const frameBytes = info.widthPx * info.heightPx * 3;
  const frames: DecodedFrame[] = [];
  for (let i = 0; (i + 1) * frameBytes <= raw.length; i++) {
    frames.push({
      timestampMs: (i * 1000) / fps,
      frame: {
        widthPx: info.widthPx,
        heightPx: info.heightPx,
        channels: 3,
        data: new Uint8Array(raw.buffer, raw.byteOffset + i * frameBytes, frameBytes),
      },
    });
  }
  return frames;
}

/** ffprobe's `entries` of a clip's (or picture's) first video stream, printed as `format`. */
export function ffprobeVideo(path: string, entries: string, format: string): string {
  return execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', entries, '-of', format, path],
    // Its complaint about a damaged file goes into the thrown error, not onto the terminal.
    { encoding: 'utf8', stdio: 'pipe' },
  );
}

/** The presentation time of every frame of a clip's video stream, from its container (ms). */
export function frameTimesMs(path: string): number[] {
  requireFfmpeg();
  return ffprobeVideo(path, 'frame=pts_time', 'csv=p=0')
    .split('\n')
    .map((line) => Number.parseFloat(line))
    .filter(Number.isFinite)
    .map((seconds) => seconds * 1000);
}

/** Runs Debian's ffmpeg quietly, overwriting its output (test clips are made at test time). */
export function ffmpeg(...args: string[]): void {
  requireFfmpeg();
  execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
}

/**
 * Copies an MP4 with one frame's data broken, as a bad copy might leave it: the frame's length
 * prefix made impossible, so a decoder cannot even find where the frame ends.
 */
export function writeWithBrokenFrame(source: string, out: string, frameIndex: number): void {
  // Packets of the video stream in file (decoding) order: byte offset and K for a keyframe.
  const packets = execFileSync(
    'ffprobe',
    [
      '-v',
      'error',
      '-select_streams',
      'v:0',
      '-show_entries',
      'packet=pos,flags',
      '-of',
      'csv=p=0',
      source,
    ],
    { encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .map((line) => {
      const [pos = '', flags = ''] = line.split(',');
      return { offset: Number(pos), isKey: flags.includes('K') };
    });
  const packet = packets[frameIndex];
  if (packet === undefined || packet.isKey || !Number.isFinite(packet.offset))
    throw new Error(`no delta frame ${frameIndex} to break`);
  const bytes = readFileSync(source);
  bytes.fill(0xff, packet.offset, packet.offset + 4);
  writeFileSync(out, bytes);
}
