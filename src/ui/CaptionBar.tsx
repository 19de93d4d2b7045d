import type { Caption } from '../engine/coachVoice';

interface Props {
  readonly captions: readonly Caption[];
  /** Tones played so far; exposed for tests of the no-voice fallback. */
  readonly tonesPlayed: number;
}

/**
 * Every line the coach says, as text. The newest line sits in a live region so screen readers
 * announce it; safety lines use an assertive alert. Older lines stay visible, faded.
 */
export function CaptionBar({ captions, tonesPlayed }: Props) {
  const [latest, ...older] = captions;
  return (
    <section
      className="captions"
      aria-label="Coach captions"
      data-testid="captions"
      data-tones-played={tonesPlayed}
    >
      <p
        className={latest?.urgent === true ? 'caption caption-urgent' : 'caption'}
        role={latest?.urgent === true ? 'alert' : 'status'}
        data-testid="caption-latest"
      >
        {latest?.text ?? ''}
      </p>
      {older.length > 0 && (
        <ol className="caption-history" aria-label="Earlier lines">
          {older.map((c) => (
            <li key={c.id}>{c.text}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
