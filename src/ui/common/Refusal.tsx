/** A refused import in words: what was wrong, what is unchanged, and the details, if any. */
export function Refusal({
  problem,
  unchanged,
}: {
  readonly problem: {
    readonly kind: string;
    readonly message: string;
    readonly details: readonly string[];
  };
  /** E.g. "Nothing was imported, and your stored sessions are unchanged." */
  readonly unchanged: string;
}) {
  return (
    <div className="error" data-kind={problem.kind}>
      <p>
        {problem.message} {unchanged}
      </p>
      {problem.details.length > 0 && (
        <ul>
          {problem.details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
