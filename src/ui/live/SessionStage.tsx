import { useEffect, useRef } from 'react';
import type { RunnerState } from '../../engine/live/runnerState';
import type { ReadableStore } from '../../engine/store';
import { SkeletonOverlay } from '../SkeletonOverlay';
import { useSelector } from '../useStore';

interface Props {
  readonly store: ReadableStore<RunnerState>;
  readonly setVideo: (video: HTMLVideoElement | null) => void;
  readonly video: HTMLVideoElement | null;
}

const selectPose = (state: RunnerState) => ({
  pose: state.frames.pose,
  highlightLeg: state.view?.highlightLeg ?? null,
});
const selectFraming = (s: RunnerState): boolean => s.view?.phase === 'setup';
const selectCountdown = (s: RunnerState): number | null => s.view?.countdown ?? null;
const selectPaused = (s: RunnerState): 'no' | 'user' | 'away' => {
  if (s.view?.paused !== true) return 'no';
  return s.status.kind === 'running' && s.status.pausedBy === 'page-hidden' ? 'away' : 'user';
};

/** The picture with the skeleton, the framing outline in setup, the countdown and "paused". */
export function SessionStage({ store, setVideo, video }: Props) {
  const framing = useSelector(store, selectFraming);
  const countdown = useSelector(store, selectCountdown);
  const paused = useSelector(store, selectPaused);
  const stage = useRef<HTMLDivElement>(null);

  // Frame counts change with every analysed frame: written straight to the element (for tests
  // and the soak), not through a render.
  useEffect(() => {
    const show = (): void => {
      const element = stage.current;
      if (element === null) return;
      const { framesAnalysed, tensorCount, tensorReadings } = store.getSnapshot().frames;
      element.dataset['framesAnalysed'] = String(framesAnalysed);
      element.dataset['tensorReadings'] = String(tensorReadings);
      if (tensorCount !== null) element.dataset['tensors'] = String(tensorCount);
      else delete element.dataset['tensors'];
    };
    show();
    return store.subscribe(show);
  }, [store]);

  return (
    <div ref={stage} className="stage session-stage" data-testid="session-stage">
      <video ref={setVideo} className="camera" muted playsInline aria-label="Your picture" />
      <SkeletonOverlay store={store} select={selectPose} video={video} />
      {framing && (
        <div className="framing-outline" aria-hidden="true" data-testid="framing-outline" />
      )}
      {countdown !== null && (
        <div className="countdown" aria-hidden="true" data-testid="countdown">
          {countdown}
        </div>
      )}
      {paused !== 'no' && (
        <div className="paused-banner" data-testid="paused">
          {paused === 'away'
            ? 'Paused while you were away from this tab — press Space or Resume to carry on'
            : 'Paused — press Space or Resume to carry on'}
        </div>
      )}
    </div>
  );
}
