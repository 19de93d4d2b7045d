import { useId } from 'react';
import type { FaultMarker } from '../../review/reviewTimeline';
import { formatVideoTime } from './saveBlob';
import { PLAYBACK_RATES, type PlayerModel, type PlayerTime } from './playerModel';

interface Props {
  readonly player: PlayerModel;
  readonly time: PlayerTime;
  readonly faults: readonly FaultMarker[];
  readonly onFault: (direction: 1 | -1) => void;
  /** Whether the player fills the screen, and how to switch; absent, no full-screen button. */
  readonly fullscreen?: { readonly active: boolean; readonly toggle: () => void };
}

/** Play/pause, frame steps, a position slider, slow motion and (with faults) fault jumps. */
export function PlayerControls({ player, time, faults, onFault, fullscreen }: Props) {
  const rateId = useId();
  const position = `${formatVideoTime(time.ms)} of ${formatVideoTime(time.durationMs)}`;
  return (
    <div className="player-controls">
      <button
        type="button"
        onClick={() => player.toggle()}
        aria-keyshortcuts="Space"
        data-testid="play-pause"
      >
        {time.playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        onClick={() => player.step(-1)}
        aria-keyshortcuts="ArrowLeft"
        aria-label="Previous frame"
      >
        ◀ Frame
      </button>
      <button
        type="button"
        onClick={() => player.step(1)}
        aria-keyshortcuts="ArrowRight"
        aria-label="Next frame"
        data-testid="next-frame"
      >
        Frame ▶
      </button>
      <input
        type="range"
        className="scrubber"
        min={0}
        max={Math.max(1, Math.round(time.durationMs))}
        step={10}
        value={Math.round(time.ms)}
        onChange={(e) => player.seek(Number(e.target.value))}
        aria-label="Position in the clip"
        aria-valuetext={position}
      />
      <span className="player-time" data-testid="player-time">
        {position}
      </span>
      <label htmlFor={rateId} className="rate-label">
        Speed
      </label>
      <select
        id={rateId}
        value={time.rate}
        onChange={(e) => player.setRate(Number(e.target.value))}
        data-testid="playback-rate"
      >
        {PLAYBACK_RATES.map((rate) => (
          <option key={rate} value={rate}>
            {rate === 1 ? 'normal' : `${rate}×`}
          </option>
        ))}
      </select>
      {faults.length > 0 && (
        <>
          <button type="button" onClick={() => onFault(-1)} aria-keyshortcuts="[">
            ◀ Fault
          </button>
          <button
            type="button"
            onClick={() => onFault(1)}
            aria-keyshortcuts="]"
            data-testid="next-fault"
          >
            Fault ▶
          </button>
        </>
      )}
      {fullscreen !== undefined && (
        <button
          type="button"
          className="fullscreen-button"
          onClick={fullscreen.toggle}
          aria-keyshortcuts={fullscreen.active ? 'Escape' : 'F'}
          aria-pressed={fullscreen.active}
          data-testid="fullscreen"
        >
          {fullscreen.active ? 'Leave full screen' : 'Full screen'}
        </button>
      )}
    </div>
  );
}
