/** The first `count` frames of a clip at `fps`, as bitmaps, by seeking a video element. */
export async function decodeFrames(
  url: string,
  count: number,
  fps: number,
): Promise<ImageBitmap[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = url;
  await new Promise<void>((resolve, reject) => {
    video.onloadeddata = () => resolve();
    video.onerror = () => reject(new Error(`cannot decode ${url}`));
  });
  const frames: ImageBitmap[] = [];
  for (let i = 0; i < count && i / fps < video.duration; i++) {
    video.currentTime = i / fps + 0.001;
    await new Promise((resolve) => (video.onseeked = resolve));
    frames.push(await createImageBitmap(video));
  }
  return frames;
}
