import { useEffect, useRef } from 'react';
import type { Pose } from '../geometry/types';
import type { ReadableStore } from '../engine/store';
import { containBox, drawSkeleton } from './drawSkeleton';

interface Props<T> {
  /** Source of the latest pose; read every animation frame without re-rendering React. */
  readonly store: ReadableStore<T>;
  readonly select: (snapshot: T) => {
    readonly pose: Pose | null;
    readonly highlightLeg?: 'left' | 'right' | null;
  };
  readonly video: HTMLVideoElement | null;
}

/**
 * A canvas over the video that redraws the latest pose on every animation frame, so the
 * overlay stays smooth whatever rate the model runs at. `data-keypoints-drawn` exposes how many
 * confident points were drawn (for tests and assistive summaries).
 */
export function SkeletonOverlay<T>({ store, select, video }: Props<T>) {
  const canvasRef = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (canvas === null || ctx === null || ctx === undefined) return;
    let frame = 0;
    let lastPose: Pose | null | undefined;
    let lastWidth = 0;
    let lastHeight = 0;
    const draw = (): void => {
      frame = requestAnimationFrame(draw);
      const { pose, highlightLeg = null } = select(store.getSnapshot());
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      if (pose === lastPose && width === lastWidth && height === lastHeight) return;
      lastPose = pose;
      lastWidth = width;
      lastHeight = height;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      let drawn = 0;
      if (pose !== null) {
        const box = containBox(
          width,
          height,
          video?.videoWidth ?? pose.imageSize.widthPx,
          video?.videoHeight ?? pose.imageSize.heightPx,
        );
        drawn = drawSkeleton(ctx, pose, box, highlightLeg);
      }
      canvas.dataset['keypointsDrawn'] = String(drawn);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [store, select, video]);

  return (
    <canvas ref={canvasRef} className="overlay" data-testid="skeleton-overlay" aria-hidden="true" />
  );
}
