import type { HoldStatus } from '../../coach/view/sessionView';
import './holdStall.css';

interface Props {
  /** Seconds held in good form so far. */
  readonly heldMs: number;
  readonly targetMs: number;
  /** What the timer is doing: the ring tells "paused by you" from "waiting for your form". */
  readonly status: HoldStatus;
  /** The target was eased for this stretch (after a stall). */
  readonly eased: boolean;
}

const RADIUS = 52;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The word under the seconds, and what a screen reader hears. */
function words(status: HoldStatus, secondsLeft: number): { unit: string; label: string } {
  switch (status) {
    case 'counting':
      return { unit: 'seconds', label: `${secondsLeft} seconds left in this hold` };
    case 'settling':
      return {
        unit: 'ease in',
        label: `${secondsLeft} second hold: the count starts when you reach the position`,
      };
    case 'waiting':
      return {
        unit: 'waiting for you',
        label: `Hold waiting at ${secondsLeft} seconds left: it counts again in good form`,
      };
    case 'paused':
      return { unit: 'you paused', label: `Hold paused by you at ${secondsLeft} seconds left` };
  }
}

/** A ring that fills as good-form seconds add up, with the seconds left in the middle. */
export function HoldRing({ heldMs, targetMs, status, eased }: Props) {
  const fraction = targetMs > 0 ? Math.min(1, heldMs / targetMs) : 0;
  const secondsLeft = Math.max(0, Math.ceil((targetMs - heldMs) / 1000));
  const { unit, label } = words(status, secondsLeft);
  return (
    <figure
      className={`hold-ring hold-ring-${status}`}
      data-testid="hold-ring"
      data-status={status}
    >
      <svg viewBox="0 0 120 120" role="img" aria-label={eased ? `${label} (easier target)` : label}>
        <circle className="hold-ring-track" cx="60" cy="60" r={RADIUS} />
        <circle
          className="hold-ring-fill"
          cx="60"
          cy="60"
          r={RADIUS}
          strokeDasharray={CIRCUMFERENCE}
          strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
          transform="rotate(-90 60 60)"
        />
        <text x="60" y="58" textAnchor="middle" className="hold-ring-seconds">
          {secondsLeft}
        </text>
        <text x="60" y="80" textAnchor="middle" className="hold-ring-unit">
          {unit}
        </text>
      </svg>
      {eased && <figcaption className="hold-ring-note">Easier target</figcaption>}
    </figure>
  );
}
