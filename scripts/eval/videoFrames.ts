import { spawn } from 'node:child_process';
import type { DecodedFrame, VideoInfo } from '../../tests/helpers/video';
import { ffprobeVideo, probeVideo } from '../../tests/helpers/video';
import { errorReason, UnreadableMediaError } from './imageFile';

/**
 * How much of ffmpeg's complaint is kept for the message: its first lines, which name the cause
 * (see `errorReason`); a damaged file can print thousands after them.
 */
const STDERR_KEPT_CHARS = 4000;

/**
 * A clip's frames sampled at `sampleFps`, decoded by Debian's ffmpeg and handed over one at a time
 * as RGB: a long or large clip never sits in memory whole (26 s of 1080p at 10 frames/s is 1.6 GB
 * of pixels). ffmpeg turns phone clips upright from their rotation metadata, as a player does.
 *
 * A clip that cannot be opened throws `UnreadableMediaError` before any frame; one that breaks
 * part-way yields the frames before the damage and then throws, so a caller can keep them. Leaving
 * the loop early stops ffmpeg.
 */
/** Frames a whole clip may come up short of its video's length times the rate: rounding at both ends. */
const MISSING_FRAMES_TOLERATED = 3;

/**
 * The video stream's own length: the file's (`fileDurationMs`) can run on with a longer audio
 * track. MKV and WebM often state no stream length; the file's stands in.
 */
function videoDurationMs(path: string, fileDurationMs: number): number {
  try {
    const seconds = Number.parseFloat(ffprobeVideo(path, 'stream=duration', 'csv=p=0'));
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : fileDurationMs;
  } catch {
    return fileDurationMs;
  }
}

/**
 * `everyNth` > 1 keeps only the 1st, (N+1)th, ... frame of the `sampleFps` stream (for a studio
 * clip decoded at its own rate: exactly its frames 0, N, 2N, ..., so each lines up with its
 * sidecar's frame); timestamps stay those of the frames kept.
 */
export async function* videoFrames(
  path: string,
  sampleFps: number,
  everyNth = 1,
): AsyncGenerator<DecodedFrame, void, undefined> {
  let info: VideoInfo;
  try {
    info = probeVideo(path);
  } catch (error) {
    throw new UnreadableMediaError(`not a video this eval can read (${errorReason(error, path)})`);
  }
  const { widthPx, heightPx } = info;
  if (!(widthPx > 0 && heightPx > 0)) {
    throw new UnreadableMediaError('not a video this eval can read (no picture size)');
  }
  const frameBytes = widthPx * heightPx * 3;
  const child = spawn(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      path,
      '-vf',
      ...(everyNth > 1
        ? // Kept frames leave gaps in time: passed through as they are, not filled with repeats.
          [`fps=${sampleFps},select=not(mod(n\\,${everyNth}))`, '-fps_mode', 'passthrough']
        : [`fps=${sampleFps}`]),
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      'pipe:1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    if (stderr.length < STDERR_KEPT_CHARS) stderr = (stderr + text).slice(0, STDERR_KEPT_CHARS);
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(-1));
  });
  let frame = new Uint8Array(frameBytes);
  let filled = 0;
  let index = 0;
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      let read = 0;
      while (read < chunk.length) {
        const take = Math.min(frameBytes - filled, chunk.length - read);
        frame.set(chunk.subarray(read, read + take), filled);
        filled += take;
        read += take;
        if (filled === frameBytes) {
          yield {
            timestampMs: (index * everyNth * 1000) / sampleFps,
            frame: { widthPx, heightPx, channels: 3, data: frame },
          };
          index += 1;
          // A fresh buffer: the consumer may keep the frame it was given.
          frame = new Uint8Array(frameBytes);
          filled = 0;
        }
      }
    }
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  // A file cut short after its index (a copy that stopped half-way) decodes to its end without a
  // word from ffmpeg: compare with the frames its stated length should give.
  const expected = Math.floor(
    ((videoDurationMs(path, info.durationMs) / 1000) * sampleFps) / everyNth,
  );
  if (code === 0 && index > 0 && index < expected - MISSING_FRAMES_TOLERATED) {
    throw new UnreadableMediaError(
      `decoding stopped after ${index} of the ${expected} frames its length promises (cut short?)`,
    );
  }
  if (code !== 0 || index === 0) {
    const said = stderr.trim() === '' ? '' : errorReason(stderr, path);
    const where =
      index === 0 ? 'no frame could be decoded' : `decoding stopped after ${index} frames`;
    throw new UnreadableMediaError(`${where}${said === '' ? '' : ` (${said})`}`);
  }
}
