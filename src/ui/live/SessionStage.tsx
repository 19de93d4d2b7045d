import type { RunnerState } from '../../engine/live/sessionRunner';
import type { ReadableStore } from '../../engine/store';
import { SkeletonOverlay } from '../SkeletonOverlay';

interface Props {
  readonly store: ReadableStore<RunnerState>;
  readonly setVideo: (video: HTMLVideoElement | null) => void;
  readonly video: HTMLVideoElement | null;
  readonly state: RunnerState;
}

const selectPose = (state: RunnerState) => ({
  pose: state.pose,
  highlightLeg: state.view?.highlightLeg ?? null,
});

/** The picture with the skeleton, the framing outline in setup, the countdown and "paused". */
export function SessionStage({ store, setVideo, video, state }: Props) {
  const view = state.view;
  return (
    <div
      className="stage session-stage"
      data-testid="session-stage"
      data-frames-analysed={state.framesAnalysed}
      data-tensors={state.tensorCount ?? undefined}
      data-tensor-readings={state.tensorReadings}
    >
      <video ref={setVideo} className="camera" muted playsInline aria-label="Your picture" />
      <SkeletonOverlay store={store} select={selectPose} video={video} />
      {view?.phase === 'setup' && (
        <div className="framing-outline" aria-hidden="true" data-testid="framing-outline" />
      )}
      {view?.countdown !== null && view?.countdown !== undefined && (
        <div className="countdown" aria-hidden="true" data-testid="countdown">
          {view.countdown}
        </div>
      )}
      {view?.paused === true && (
        <div className="paused-banner" data-testid="paused">
          {state.pausedByPageHide
            ? 'Paused while you were away from this tab — press Space or Resume to carry on'
            : 'Paused — press Space or Resume to carry on'}
        </div>
      )}
    </div>
  );
}
