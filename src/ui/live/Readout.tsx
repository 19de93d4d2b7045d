import type { ReadoutStatus } from '../../coach/view/readouts';

const STATUS_WORDS: Record<ReadoutStatus, string> = {
  good: 'good',
  warn: 'close to the limit',
  short: 'not far enough yet',
  bad: 'needs fixing',
  info: '',
  unknown: 'not visible',
  unchecked: '',
};

interface Props {
  readonly label: string;
  /** e.g. "72°", "flat", "soft" — or "—" when not measured, "not checked" when never. */
  readonly value: string;
  readonly status: ReadoutStatus;
  /** One short line, e.g. "Keep a slight bend". */
  readonly detail?: string;
}

/** One live measure, coloured by status; the status is also in words for screen readers. */
export function Readout({ label, value, status, detail }: Props) {
  return (
    <div className={`readout readout-${status}`} data-testid={`readout-${label.toLowerCase()}`}>
      <dt>{label}</dt>
      <dd>
        <span className="readout-value">{value}</span>{' '}
        {STATUS_WORDS[status] !== '' && (
          <span className="readout-status">{STATUS_WORDS[status]}</span>
        )}
        {detail !== undefined && <span className="readout-detail">{detail}</span>}
      </dd>
    </div>
  );
}
