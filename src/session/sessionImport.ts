import type { z } from 'zod';
import { SESSION_SCHEMA_VERSION } from './sessionRecord';
import type { SessionRecord } from './sessionRecord';
import { EXPORT_FORMAT, exportFileSchema } from './sessionSchema';
import type { SessionStore } from './sessionStore';
import { finaliseRecord, finishedReport } from './sessionRecording';

/**
 * Import of exported session files. The whole file is checked before anything is written: size,
 * JSON syntax, forbidden keys, then the zod schema; only a file that passes all of it reaches
 * the store, in one transaction that adds every session or none. Stored sessions are never
 * overwritten (a session already stored is skipped).
 */

/**
 * 64 MiB: about a hundred 10-minute sessions (0.6 MB each, see recorder.ts). Larger files are
 * refused before they are read, so a hostile file cannot make the page parse gigabytes.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/**
 * Keys that can change an object's prototype when data is merged or spread into another object
 * later. A session file never has them, so a file that does is refused outright.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How many schema problems a message lists; the rest are counted. */
const MAX_LISTED_PROBLEMS = 5;

export type ImportProblemKind =
  'too-large' | 'not-json' | 'forbidden-key' | 'wrong-format' | 'unsupported-version' | 'invalid';

export interface ImportProblem {
  readonly kind: ImportProblemKind;
  /** One sentence for the user. */
  readonly message: string;
  /** Where and what, for the curious (schema paths). */
  readonly details: readonly string[];
}

export type ParseResult =
  | { readonly ok: true; readonly sessions: readonly SessionRecord[] }
  | { readonly ok: false; readonly problem: ImportProblem };

export type ImportResult =
  | { readonly ok: true; readonly added: readonly string[]; readonly skipped: readonly string[] }
  | { readonly ok: false; readonly problem: ImportProblem };

class ForbiddenKeyError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function fail(kind: ImportProblemKind, message: string, details: string[] = []): ParseResult {
  return { ok: false, problem: { kind, message, details } };
}

/** The size of `text` in UTF-8 bytes, without allocating it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function tooLarge(bytes: number): ParseResult {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return fail(
    'too-large',
    `This file is too large to import (${mb(bytes)}; the limit is ${mb(MAX_IMPORT_BYTES)}).`,
  );
}

/** Refuses a file by its size before reading it (for `File.size`). */
export function checkImportSize(bytes: number): ImportProblem | null {
  const result = bytes > MAX_IMPORT_BYTES ? tooLarge(bytes) : null;
  return result !== null && !result.ok ? result.problem : null;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
  return `${path === '' ? '(file)' : path}: ${issue.message}`;
}

/** Parses and checks an export file's text; nothing is stored. */
export function parseSessionFile(text: string): ParseResult {
  // The character count bounds the byte count from below; count exactly only near the limit.
  if (text.length > MAX_IMPORT_BYTES) return tooLarge(text.length);
  if (text.length * 3 > MAX_IMPORT_BYTES) {
    const bytes = utf8Length(text);
    if (bytes > MAX_IMPORT_BYTES) return tooLarge(bytes);
  }
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKeyError(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKeyError)
      return fail(
        'forbidden-key',
        `This file was refused: it contains the key "${error.key}", which a StretchCheck export never has.`,
      );
    return fail('not-json', 'This file is not a StretchCheck export: it is not valid JSON.', [
      error instanceof Error ? error.message : String(error),
    ]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return fail('wrong-format', 'This file is not a StretchCheck session export.');
  const header = data as { format?: unknown; schemaVersion?: unknown };
  if (header.format !== EXPORT_FORMAT)
    return fail('wrong-format', 'This file is not a StretchCheck session export.');
  if (header.schemaVersion !== SESSION_SCHEMA_VERSION)
    return fail(
      'unsupported-version',
      typeof header.schemaVersion === 'number' && header.schemaVersion > SESSION_SCHEMA_VERSION
        ? `This file comes from a newer StretchCheck (format ${header.schemaVersion}); this version reads format ${SESSION_SCHEMA_VERSION}.`
        : `This file's format version (${JSON.stringify(header.schemaVersion)}) is not one this version reads (${SESSION_SCHEMA_VERSION}).`,
    );
  const parsed = exportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const details = issues.slice(0, MAX_LISTED_PROBLEMS).map(describeIssue);
    if (issues.length > MAX_LISTED_PROBLEMS)
      details.push(`... and ${issues.length - MAX_LISTED_PROBLEMS} more`);
    return fail(
      'invalid',
      `This file was refused: ${plural(issues.length)} in it ${issues.length === 1 ? 'is' : 'are'} not what a StretchCheck export holds.`,
      details,
    );
  }
  return { ok: true, sessions: parsed.data.sessions };
}

function plural(count: number): string {
  return count === 1 ? '1 value' : `${count} values`;
}

/**
 * Checks the file completely, then adds its sessions in one transaction. On any problem the
 * store is not touched. Storage failures (quota) reject with `StorageFullError`.
 */
export async function importSessionFile(store: SessionStore, text: string): Promise<ImportResult> {
  const parsed = parseSessionFile(text);
  if (!parsed.ok) return parsed;
  // A session exported while it was recording cannot be resumed here: it comes in closed.
  const sessions = parsed.sessions.map(finaliseRecord).map((record) => ({
    record,
    finished: finishedReport(record),
  }));
  const { added, skipped } = await store.addSessions(sessions);
  return { ok: true, added, skipped };
}
