import { useCallback, useState } from 'react';

/**
 * Long lists on History (sessions, left/right rows) show the newest rows a page at a time, so a
 * year of sessions stays a short page that renders at once; older rows come with "Show older".
 */
const HISTORY_PAGE_SIZE = 20;

/** How many rows to show, and the step that shows a page more. */
export function useShownCount(pageSize = HISTORY_PAGE_SIZE): readonly [number, () => void] {
  const [shown, setShown] = useState(pageSize);
  const more = useCallback(() => setShown((n) => n + pageSize), [pageSize]);
  return [shown, more];
}

/** The button under a paged list; nothing when every row shows. */
export function ShowOlder({
  shown,
  total,
  noun,
  onMore,
  pageSize = HISTORY_PAGE_SIZE,
}: {
  readonly shown: number;
  readonly total: number;
  /** Plural: "sessions", "rows". */
  readonly noun: string;
  readonly onMore: () => void;
  readonly pageSize?: number;
}) {
  if (shown >= total) return null;
  const hidden = total - shown;
  return (
    <p className="show-older">
      <button type="button" onClick={onMore}>
        Show {Math.min(pageSize, hidden)} older {noun}
      </button>{' '}
      <span className="muted">
        Showing the newest {shown} of {total}.
      </span>
    </p>
  );
}
