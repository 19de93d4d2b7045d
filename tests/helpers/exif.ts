/**
 * Puts an EXIF block with `orientation` (1-8) into a JPEG, right after its start marker, as a
 * phone does when it stores a photo sideways and says how to show it. `bigEndian` writes the TIFF
 * header as Motorola ("MM") cameras do; the default is Intel ("II").
 */
export function withExifOrientation(
  jpeg: Uint8Array,
  orientation: number,
  bigEndian = false,
): Uint8Array {
  const segment = new Uint8Array(36);
  const view = new DataView(segment.buffer);
  const little = !bigEndian;
  view.setUint16(0, 0xffe1); // APP1
  view.setUint16(2, segment.length - 2); // its length, counting these two bytes
  segment.set([0x45, 0x78, 0x69, 0x66, 0, 0], 4); // "Exif\0\0"
  const tiff = 10;
  view.setUint16(tiff, bigEndian ? 0x4d4d : 0x4949);
  view.setUint16(tiff + 2, 42, little);
  view.setUint32(tiff + 4, 8, little); // the first IFD follows the header
  view.setUint16(tiff + 8, 1, little); // one entry
  view.setUint16(tiff + 10, 0x0112, little); // Orientation
  view.setUint16(tiff + 12, 3, little); // SHORT
  view.setUint32(tiff + 14, 1, little); // one value
  view.setUint16(tiff + 18, orientation, little);
  view.setUint32(tiff + 22, 0, little); // no next IFD
  const out = new Uint8Array(jpeg.length + segment.length);
  out.set(jpeg.subarray(0, 2));
  out.set(segment, 2);
  out.set(jpeg.subarray(2), 2 + segment.length);
  return out;
}
