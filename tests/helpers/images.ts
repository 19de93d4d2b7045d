import { readFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { PixelFrame } from '../../src/pose/types';

/** The PNG signature's first four bytes: \x89 P N G. */
function isPngBytes(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

/**
 * Decodes a JPEG or PNG file into RGBA pixels, in Node, without a browser. The format comes from
 * the file's content, not its name: real-world files are misnamed (a PNG called .jpg).
 */
export function readImageFile(path: string): PixelFrame {
  const bytes = readFileSync(path);
  if (isPngBytes(bytes)) {
    const png = PNG.sync.read(bytes);
    return {
      widthPx: png.width,
      heightPx: png.height,
      channels: 4,
      data: new Uint8Array(png.data),
    };
  }
  const image = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxMemoryUsageInMB: 1024,
  });
  return { widthPx: image.width, heightPx: image.height, channels: 4, data: image.data };
}

/** Mirrors RGBA/RGB pixels left to right. */
export function mirrorPixels(frame: PixelFrame): PixelFrame {
  const { widthPx: w, heightPx: h, channels: c, data } = frame;
  const out = new Uint8Array(w * h * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const from = (y * w + x) * c;
      out.set(data.subarray(from, from + c), (y * w + (w - 1 - x)) * c);
    }
  }
  return { ...frame, data: out };
}

/** Rotates RGBA/RGB pixels clockwise by 90/180/270 degrees (stands in for a lying body). */
export function rotatePixels(frame: PixelFrame, rotationDeg: 90 | 180 | 270): PixelFrame {
  const { widthPx: w, heightPx: h, channels: c, data } = frame;
  const quarter = rotationDeg !== 180;
  const outW = quarter ? h : w;
  const outH = quarter ? w : h;
  const out = new Uint8Array(w * h * c);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      // Destination pixel of source (x, y), pixel-centre convention.
      const [dx, dy] =
        rotationDeg === 90
          ? [h - 1 - y, x]
          : rotationDeg === 180
            ? [w - 1 - x, h - 1 - y]
            : [y, w - 1 - x];
      const src = (y * w + x) * c;
      const dst = (dy * outW + dx) * c;
      for (let k = 0; k < c; k++) out[dst + k] = data[src + k] ?? 0;
    }
  }
  return { widthPx: outW, heightPx: outH, channels: c, data: out };
}
