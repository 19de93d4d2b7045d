import type { StallOffer } from '../../coach/view/sessionView';

interface Props {
  readonly offer: StallOffer;
  readonly easeTarget: () => void;
  readonly moveOn: () => void;
}

/** The keys of the two choices (P, Space and Escape are the session's own). */
export const EASE_TARGET_KEY = 'E';
export const MOVE_ON_KEY = 'M';

/**
 * A hold that will not come (protocol/holdStall.ts): the coach's kind word and the two ways out,
 * as buttons with keys. Shown in the live panel once the coach has offered them in this rep.
 */
export function StallChoices({ offer, easeTarget, moveOn }: Props) {
  return (
    <div
      className="stall-offer"
      role="group"
      aria-labelledby="stall-offer-text"
      data-testid="stall-offer"
    >
      <p id="stall-offer-text">
        {offer.easeOffered
          ? "This one isn't coming today, and that's fine. Ease the target, or move on?"
          : "Still not quite there, and that's fine. Move on?"}
      </p>
      <div className="stall-offer-actions">
        {offer.easeOffered && (
          <button type="button" onClick={easeTarget} aria-keyshortcuts={EASE_TARGET_KEY}>
            Ease the target ({EASE_TARGET_KEY})
          </button>
        )}
        <button type="button" onClick={moveOn} aria-keyshortcuts={MOVE_ON_KEY}>
          Move on ({MOVE_ON_KEY})
        </button>
      </div>
    </div>
  );
}
