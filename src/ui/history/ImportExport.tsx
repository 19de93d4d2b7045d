import { useState } from 'react';
import type { ImportProblem } from '../../session';
import { describeLibraryError } from '../../engine/sessionLibrary';
import { FileButton } from '../common/FileButton';
import { Refusal } from '../common/Refusal';
import { saveFile } from '../report/saveFile';
import { useSessionLibrary } from './useSessionLibrary';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly fileName: string }
  | { readonly kind: 'done'; readonly text: string }
  | { readonly kind: 'refused'; readonly problem: ImportProblem }
  | { readonly kind: 'failed'; readonly text: string };

function doneText(added: number, skipped: number): string {
  const parts = [
    added === 0
      ? 'No new sessions were imported.'
      : `Imported ${added} session${added === 1 ? '' : 's'}.`,
  ];
  if (skipped > 0)
    parts.push(
      `${skipped} ${skipped === 1 ? 'was' : 'were'} already in your history and left as ${skipped === 1 ? 'it is' : 'they are'}.`,
    );
  return parts.join(' ');
}

/**
 * Import (a file chooser styled as a button) and export of all sessions. Import results and
 * refusals are announced in a live region.
 */
export function ImportExport({
  hasSessions,
  filtered = null,
}: {
  readonly hasSessions: boolean;
  /**
   * The sessions History shows when it is filtered by client: export offers just those (a
   * trainer sends one client their own sessions). Null: not filtered, export all.
   */
  readonly filtered?: readonly string[] | null;
}) {
  const library = useSessionLibrary();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const importFile = (file: File) => {
    setOutcome({ kind: 'busy', fileName: file.name });
    library.importFile(file).then(
      (result) =>
        setOutcome(
          result.ok
            ? { kind: 'done', text: doneText(result.added.length, result.skipped.length) }
            : { kind: 'refused', problem: result.problem },
        ),
      (error: unknown) => setOutcome({ kind: 'failed', text: describeLibraryError(error) }),
    );
  };

  const exportAs = (kind: 'json' | 'csv') => {
    const ids = filtered ?? undefined;
    const run = kind === 'json' ? library.exportJson(ids) : library.exportCsv(ids);
    run.then(saveFile, (error: unknown) =>
      setOutcome({ kind: 'failed', text: describeLibraryError(error) }),
    );
  };

  const canExport = filtered === null ? hasSessions : filtered.length > 0;
  const exportWords =
    filtered === null
      ? 'Export all'
      : `Export the ${filtered.length} session${filtered.length === 1 ? '' : 's'} shown`;

  return (
    <div className="import-export">
      <div className="history-actions" role="group" aria-label="Import and export sessions">
        <FileButton
          label="Import sessions (JSON)"
          accept=".json,application/json"
          onFile={importFile}
          testId="import-input"
        />
        <button type="button" onClick={() => exportAs('json')} disabled={!canExport}>
          {exportWords} (JSON)
        </button>
        <button type="button" onClick={() => exportAs('csv')} disabled={!canExport}>
          {exportWords} (CSV)
        </button>
      </div>
      <p className="muted import-hint">
        Import reads a StretchCheck export of up to{' '}
        {Math.round(library.maxImportBytes / (1024 * 1024))} MB. It only adds sessions: nothing
        already stored is changed.
      </p>
      <div role="status" aria-live="polite" data-testid="import-status">
        {outcome.kind === 'busy' && <p>Checking {outcome.fileName}…</p>}
        {outcome.kind === 'done' && <p className="import-ok">{outcome.text}</p>}
        {outcome.kind === 'failed' && <p className="error">{outcome.text}</p>}
        {outcome.kind === 'refused' && (
          <Refusal
            problem={outcome.problem}
            unchanged="Nothing was imported, and your stored sessions are unchanged."
          />
        )}
      </div>
    </div>
  );
}
