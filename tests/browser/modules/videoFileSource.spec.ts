import { expect, test } from '@playwright/test';
import type * as VideoFile from '../../../src/camera/videoFileSource';
import { openHarness } from './harness';

const MODULE = '/src/camera/videoFileSource.ts';

test.describe('VideoFileSource in Chromium', () => {
  test.beforeEach(async ({ page }) => openHarness(page));

  test('plays a real clip as the camera and hands out its pictures as VideoFrames', async ({
    page,
  }) => {
    const result = await page.evaluate(async (modulePath) => {
      const { VideoFileSource } = (await import(modulePath)) as typeof VideoFile;
      const blob = await (await fetch('/tests/fixtures/tfjs-models/pose_squats.mp4')).blob();
      const video = document.createElement('video');
      document.body.append(video);
      const source = new VideoFileSource(video, blob, 'pose_squats.mp4');
      await source.start();
      await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
      const frame = await source.grabFrame(640, 0);
      const picture = frame?.picture;
      const size = frame && {
        w: frame.widthPx,
        h: frame.heightPx,
        videoFrame: picture instanceof VideoFrame,
        format: picture instanceof VideoFrame ? picture.format : null,
      };
      picture?.close();
      source.stop();
      return { size, playing: video.currentTime >= 0 };
    }, MODULE);
    // 720 x 1280 portrait, at its own size and in the decoder's own pixel format: the estimator
    // reads only the pixels its model needs (src/pose/pixels/).
    expect(result.size).toMatchObject({ w: 720, h: 1280, videoFrame: true });
    expect(['I420', 'NV12']).toContain(result.size?.format);
  });

  test('refuses a truncated file with a message naming it', async ({ page }) => {
    const error = await page.evaluate(async (modulePath) => {
      const { VideoFileSource } = (await import(modulePath)) as typeof VideoFile;
      const bytes = await (await fetch('/tests/fixtures/tfjs-models/pose_1.mp4')).arrayBuffer();
      const truncated = new Blob([bytes.slice(0, 2000)], { type: 'video/mp4' });
      const source = new VideoFileSource(document.createElement('video'), truncated, 'clip.mp4');
      try {
        await source.start();
        return null;
      } catch (e) {
        return { name: (e as Error).name, message: (e as Error).message };
      }
    }, MODULE);
    expect(error?.name).toBe('VideoFileError');
    expect(error?.message).toContain('clip.mp4');
  });

  test('refuses a file that is not a video at all', async ({ page }) => {
    const error = await page.evaluate(async (modulePath) => {
      const { VideoFileSource } = (await import(modulePath)) as typeof VideoFile;
      const notVideo = new Blob(['just some text'], { type: 'video/mp4' });
      const source = new VideoFileSource(document.createElement('video'), notVideo, 'notes.mp4');
      try {
        await source.start();
        return null;
      } catch (e) {
        return { kind: (e as { kind?: string }).kind, message: (e as Error).message };
      }
    }, MODULE);
    expect(error?.kind).toBe('unsupported');
    expect(error?.message).toContain('notes.mp4');
  });
});
