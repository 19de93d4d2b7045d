import { spawn } from 'node:child_process';
import { defaultYuvEncoding, type PixelPlanes } from '../../../src/pose/pixels/pixelPlanes';

/**
 * A clip's frames as I420 planes, as a camera's VideoFrame gives them in the browser, decoded by
 * ffmpeg one at a time (a clip's frames do not fit in memory together).
 */
export async function* yuvFrames(
  path: string,
  widthPx: number,
  heightPx: number,
): AsyncGenerator<PixelPlanes> {
  const lumaBytes = widthPx * heightPx;
  const chromaWidth = (widthPx + 1) >> 1;
  const chromaBytes = chromaWidth * ((heightPx + 1) >> 1);
  const frameBytes = lumaBytes + 2 * chromaBytes;
  const ffmpeg = spawn(
    'ffmpeg',
    ['-v', 'error', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'yuv420p', 'pipe:1'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of ffmpeg.stdout as AsyncIterable<Buffer>) {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= frameBytes) {
      const data = new Uint8Array(frameBytes);
      data.set(pending.subarray(0, frameBytes));
      pending = pending.subarray(frameBytes);
      yield {
        kind: 'planes',
        format: 'I420',
        widthPx,
        heightPx,
        data,
        planes: [
          { offset: 0, stride: widthPx },
          { offset: lumaBytes, stride: chromaWidth },
          { offset: lumaBytes + chromaBytes, stride: chromaWidth },
        ],
        yuv: defaultYuvEncoding(heightPx),
      };
    }
  }
  await new Promise((resolve) => ffmpeg.once('close', resolve));
}
