import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/**
 * H.264 through Debian's ffmpeg, fed raw RGBA frames on stdin (as WebGL reads them: bottom row
 * first, so the filter chain flips them). Sensor noise is ffmpeg's `noise` filter with a fixed
 * seed, compression is x264 at the camera's crf; one encoder thread and bit-exact flags keep the
 * file identical from run to run.
 */
export interface EncoderOptions {
  readonly path: string;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly fps: number;
  /** ffmpeg noise strength (0 = none). */
  readonly noise: number;
  readonly noiseSeed: number;
  readonly crf: number;
}

export interface Encoder {
  write(rgba: Uint8Array): Promise<void>;
  finish(): Promise<void>;
}

export function startEncoder(options: EncoderOptions): Encoder {
  const filters = ['vflip'];
  if (options.noise > 0)
    filters.push(`noise=alls=${options.noise}:allf=t:all_seed=${options.noiseSeed}`);
  filters.push('format=yuv420p');
  const child: ChildProcessWithoutNullStreams = spawn(
    'ffmpeg',
    [
      '-v',
      'error',
      '-y',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgba',
      '-s',
      `${options.widthPx}x${options.heightPx}`,
      '-r',
      String(options.fps),
      '-i',
      'pipe:0',
      '-vf',
      filters.join(','),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      String(options.crf),
      '-threads',
      '1',
      '-g',
      String(options.fps * 2),
      '-fflags',
      '+bitexact',
      '-flags:v',
      '+bitexact',
      '-map_metadata',
      '-1',
      '-movflags',
      '+faststart',
      options.path,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    write: (rgba) =>
      new Promise((resolve, reject) => {
        child.stdin.write(rgba, (error) =>
          error ? reject(new Error(`ffmpeg: ${stderr || error.message}`)) : resolve(),
        );
      }),
    async finish() {
      child.stdin.end();
      const code = await exited;
      if (code !== 0) throw new Error(`ffmpeg exited ${code}: ${stderr.trim()}`);
    },
  };
}
