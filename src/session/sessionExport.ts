import type { SessionRecord } from './sessionRecord';
import { SESSION_SCHEMA_VERSION } from './sessionRecord';
import type { ExportFile } from './sessionSchema';
import { EXPORT_FORMAT } from './sessionSchema';

/** The JSON export: one file with any number of whole sessions, read back by `parseSessionFile`. */
export function exportSessionsJson(
  sessions: readonly SessionRecord[],
  exportedAtEpochMs: number,
): string {
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    schemaVersion: SESSION_SCHEMA_VERSION,
    exportedAtEpochMs,
    sessions,
  };
  return JSON.stringify(file);
}

/** "2025-06-03" in the user's time zone. */
export function localDateStamp(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A file name for an export: `stretchcheck-<what>-<date>.<ext>`. */
export function exportFileName(what: string, epochMs: number, extension: 'json' | 'csv'): string {
  const safe = what.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 40);
  return `stretchcheck-${safe}-${localDateStamp(epochMs)}.${extension}`;
}
