import { useState } from 'react';
import type { BundleImportResult } from '../../engine/clips/clipLibrary';
import { describeClipError } from '../../engine/clips/clipLibrary';
import { FileButton } from '../common/FileButton';
import { Refusal } from '../common/Refusal';
import { routeHref } from '../router';
import { useClipLibrary } from './useClipLibrary';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly fileName: string }
  | { readonly kind: 'result'; readonly result: BundleImportResult }
  | { readonly kind: 'failed'; readonly text: string };

function mergedText(added: number, updated: number): string {
  if (added + updated === 0)
    return 'This clip is already here with the same notes: nothing changed.';
  const parts: string[] = [];
  if (added > 0) parts.push(`${added} new note${added === 1 ? '' : 's'}`);
  if (updated > 0) parts.push(`${updated} updated note${updated === 1 ? '' : 's'}`);
  return `This clip was already here: ${parts.join(' and ')} added to it.`;
}

/**
 * Opens a review bundle (a .zip someone sent): the whole file is checked before anything is
 * kept, and a refusal says why and leaves stored clips as they were. A bundle of a clip already
 * here (sent back by a trainer) adds its notes to it.
 */
export function BundleImport({ onOpened }: { readonly onOpened: (clipId: string) => void }) {
  const library = useClipLibrary();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const open = (file: File): void => {
    setOutcome({ kind: 'busy', fileName: file.name });
    library.importBundle(file, file.name).then(
      (result) => {
        setOutcome({ kind: 'result', result });
        if (result.ok && result.outcome === 'added') onOpened(result.clipId);
      },
      (error: unknown) => setOutcome({ kind: 'failed', text: describeClipError(error) }),
    );
  };

  return (
    <>
      <FileButton
        label="Open a review bundle…"
        accept=".zip,application/zip"
        onFile={open}
        secondary
        testId="bundle-input"
      />
      <div role="status" aria-live="polite" data-testid="bundle-status" className="bundle-status">
        {outcome.kind === 'busy' && <p>Checking {outcome.fileName}…</p>}
        {outcome.kind === 'failed' && <p className="error">{outcome.text}</p>}
        {outcome.kind === 'result' && outcome.result.ok && (
          <p className="import-ok">
            {outcome.result.outcome === 'added'
              ? 'Bundle opened.'
              : mergedText(outcome.result.notesAdded, outcome.result.notesUpdated)}{' '}
            {outcome.result.outcome === 'merged' && (
              <a href={routeHref({ name: 'clip', clipId: outcome.result.clipId })}>Open the clip</a>
            )}
          </p>
        )}
        {outcome.kind === 'result' && !outcome.result.ok && (
          <Refusal
            problem={outcome.result.problem}
            unchanged="Nothing was added, and your kept clips are unchanged."
          />
        )}
      </div>
    </>
  );
}
