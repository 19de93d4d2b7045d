import { beforeEach, describe, expect, it } from 'vitest';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import type { ImportProblemKind } from '../../../src/session/sessionImport';
import {
  MAX_IMPORT_BYTES,
  checkImportSize,
  importSessionFile,
  parseSessionFile,
} from '../../../src/session/sessionImport';
import type { SessionRecord } from '../../../src/session/sessionRecord';
import { SESSION_LIMITS } from '../../../src/session/sessionSchema';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { generateSession } from '../../helpers/sessionScenario';

const EXPORTED_AT = Date.UTC(2025, 5, 1);
const first = generateSession({
  id: 'first',
  routine: ['standing-hamstring'],
  holdMs: 20_000,
}).record;
const second = generateSession({
  id: 'second',
  routine: ['supine-strap'],
  holdMs: 20_000,
  startEpochMs: Date.UTC(2025, 4, 7, 18),
  faults: [{ hold: 1, fromMs: 6_000, toMs: 9_000, set: { kneeDeg: 140 } }],
  symptoms: { 'supine-strap': { tingling: false, numbness: false, sharpPain: true } },
}).record;
const validFile = exportSessionsJson([first, second], EXPORTED_AT);

/** The valid export as an object, changed by `edit`, back as text. */
function edited(
  edit: (file: { sessions: Record<string, unknown>[] } & Record<string, unknown>) => void,
): string {
  const file = JSON.parse(validFile) as { sessions: Record<string, unknown>[] } & Record<
    string,
    unknown
  >;
  edit(file);
  return JSON.stringify(file);
}

function meta(file: { sessions: Record<string, unknown>[] }): Record<string, unknown> {
  return file.sessions[0]?.meta as Record<string, unknown>;
}

type Columns = Record<string, unknown[]> & { tMs: unknown[]; hipFlexionLeftDeg: unknown[] };

function samples(file: { sessions: Record<string, unknown>[] }): Columns {
  return file.sessions[0]?.samples as Columns;
}

describe('export and import round trip', () => {
  it('gives back the same sessions from the JSON export', () => {
    const parsed = parseSessionFile(validFile);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.sessions).toEqual([first, second]);
  });

  it('keeps an "I feel pain or tingling" press through export and import', () => {
    const pressed = generateSession({
      id: 'pressed',
      routine: ['standing-hamstring'],
      holdMs: 20_000,
      commands: [{ atMs: 20_000, command: { command: 'report-symptom' } }],
    }).record;
    const parsed = parseSessionFile(exportSessionsJson([pressed], EXPORTED_AT));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sessions).toEqual([pressed]);
    const text = JSON.stringify(parsed.sessions[0]);
    expect(text).toContain('"symptom-reported"');
  });

  it('stores the same session that was exported', async () => {
    const store = new MemorySessionStore();
    const result = await importSessionFile(store, validFile);
    expect(result).toEqual({ ok: true, added: ['first', 'second'], skipped: [] });
    expect(await store.getSession('first')).toEqual(first);
    expect(await store.getSession('second')).toEqual(second);
    const listed = await store.listSessions();
    expect(listed.map((e) => e.summary?.legs.length)).toEqual([2, 2]);
  });

  it('skips sessions already stored instead of overwriting them', async () => {
    const store = new MemorySessionStore();
    await importSessionFile(store, exportSessionsJson([first], EXPORTED_AT));
    const result = await importSessionFile(store, validFile);
    expect(result).toEqual({ ok: true, added: ['second'], skipped: ['first'] });
  });

  it('closes a session that was exported while still recording', async () => {
    const cut = generateSession({
      id: 'cut',
      routine: ['standing-hamstring'],
      holdMs: 20_000,
      cutAtMs: 15_000,
    }).record;
    const store = new MemorySessionStore();
    await importSessionFile(store, exportSessionsJson([cut], EXPORTED_AT));
    const stored = await store.getSession('cut');
    expect(stored?.meta.status).toBe('finished');
    expect(stored?.meta.endReason).toBe('interrupted');
    expect(stored?.samples).toEqual(cut.samples);
  });
});

/** Hostile or broken files: each must be refused with a clear message and no write. */
const HOSTILE: readonly (readonly [string, () => string, ImportProblemKind, RegExp])[] = [
  ['malformed JSON', () => validFile.slice(0, -20), 'not-json', /not valid JSON/],
  ['an empty file', () => '', 'not-json', /not valid JSON/],
  ['a JSON array', () => '[]', 'wrong-format', /not a StretchCheck session export/],
  ['another app’s JSON', () => '{"format":"other","data":1}', 'wrong-format', /not a StretchCheck/],
  [
    'a newer format version',
    () => edited((f) => (f.schemaVersion = 2)),
    'unsupported-version',
    /newer StretchCheck \(format 2\)/,
  ],
  [
    'a __proto__ key',
    () => validFile.replace('"meta":{', '"meta":{"__proto__":{"polluted":true},'),
    'forbidden-key',
    /"__proto__"/,
  ],
  [
    'a constructor key',
    () =>
      validFile.replace('"samples":{', '"samples":{"constructor":{"prototype":{"polluted":true}},'),
    'forbidden-key',
    /"(constructor|prototype)"/,
  ],
  [
    'a prototype key',
    () => edited((f) => (meta(f).prototype = { polluted: true })),
    'forbidden-key',
    /"prototype"/,
  ],
  [
    'a number where a time belongs',
    () => edited((f) => (samples(f).tMs[3] = 'soon')),
    'invalid',
    /sessions\[0\]\.samples\.tMs\[3\]/,
  ],
  [
    'a wrong-typed meta field',
    () => edited((f) => (meta(f).startedAtEpochMs = '2025-05-05')),
    'invalid',
    /startedAtEpochMs/,
  ],
  ['an unknown extra field', () => edited((f) => (meta(f).admin = true)), 'invalid', /meta/],
  [
    'columns of different lengths',
    () => edited((f) => samples(f).hipFlexionLeftDeg.pop()),
    'invalid',
    /hipFlexionLeftDeg/,
  ],
  [
    'sample times going backwards',
    () =>
      edited((f) => {
        samples(f).tMs[5] = 0;
      }),
    'invalid',
    /go backwards/,
  ],
  [
    'an unknown event type',
    () =>
      edited((f) => {
        (f.sessions[0]?.events as Record<string, unknown>[]).push({ type: 'format-disk', atMs: 1 });
      }),
    'invalid',
    /events/,
  ],
  [
    'an infinite number',
    () => validFile.replace('"lastTMs":', '"lastTMs":1e999,"x":'),
    'invalid',
    /lastTMs/,
  ],
  [
    'a session id that is not an id',
    () => edited((f) => (meta(f).id = '../../etc/passwd')),
    'invalid',
    /meta\.id/,
  ],
  [
    'over-long cue text',
    () =>
      edited((f) => {
        const cues = f.sessions[0]?.cues as Record<string, unknown>[];
        const text = 'x'.repeat(SESSION_LIMITS.textLength + 1);
        cues.unshift({ atMs: 10, cueKey: 'k', text, priority: 'form', spoken: true });
      }),
    'invalid',
    /cues\[0\]\.text/,
  ],
  [
    'more samples than a session can have',
    () =>
      edited((f) => {
        const columns = samples(f);
        for (const name of Object.keys(columns))
          columns[name] = Array.from({ length: SESSION_LIMITS.samples + 1 }, (_, i) =>
            name === 'tMs' ? i : null,
          );
      }),
    'invalid',
    /samples/,
  ],
  ['no sessions at all', () => edited((f) => (f.sessions = [])), 'invalid', /sessions/],
  [
    'a client name with a control character',
    () => edited((f) => (meta(f).client = 'Ann\u0007e')),
    'invalid',
    /client.*control characters/,
  ],
  [
    'a client name with a bidirectional override',
    () => edited((f) => (meta(f).client = 'Ann\u202eexe.txt')),
    'invalid',
    /client.*control characters/,
  ],
  [
    'a client name over the length limit',
    () => edited((f) => (meta(f).client = 'x'.repeat(61))),
    'invalid',
    /client/,
  ],
  [
    'a client name that is a number',
    () => edited((f) => (meta(f).client = 42)),
    'invalid',
    /client/,
  ],
  ['an empty client name', () => edited((f) => (meta(f).client = '')), 'invalid', /client/],
];

describe('import refuses hostile and broken files, leaving stored data untouched', () => {
  let store: MemorySessionStore;
  let before: SessionRecord | null;

  beforeEach(async () => {
    store = new MemorySessionStore();
    await importSessionFile(store, exportSessionsJson([first], EXPORTED_AT));
    before = await store.getSession('first');
  });

  it.each(HOSTILE)('refuses %s', async (_, makeFile, kind, message) => {
    const writesBefore = store.writes;
    const result = await importSessionFile(store, makeFile());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.kind).toBe(kind);
    expect([result.problem.message, ...result.problem.details].join('\n')).toMatch(message);
    expect(store.writes).toBe(writesBefore);
    expect((await store.listSessions()).map((e) => e.meta.id)).toEqual(['first']);
    expect(await store.getSession('first')).toEqual(before);
  });

  it('does not pollute Object.prototype while refusing a __proto__ file', () => {
    parseSessionFile('{"__proto__":{"polluted":true},"format":"stretchcheck.sessions"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over the size limit before parsing it', () => {
    const huge = ' '.repeat(MAX_IMPORT_BYTES + 1);
    const result = parseSessionFile(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.kind).toBe('too-large');
      expect(result.problem.message).toMatch(/too large.*limit is 64 MB/);
    }
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)?.kind).toBe('too-large');
    expect(checkImportSize(1_000)).toBeNull();
  });

  it('counts multi-byte characters toward the size limit', () => {
    // 22.4 M characters of 3-byte UTF-8 is over 64 MiB though under it in characters.
    const result = parseSessionFile('€'.repeat(Math.ceil(MAX_IMPORT_BYTES / 3) + 1));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe('too-large');
  });

  it('lists at most five problems and counts the rest', () => {
    const result = parseSessionFile(
      edited((f) => {
        const tMs = samples(f).tMs;
        for (let i = 0; i < 20; i++) tMs[i] = 'x';
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.details).toHaveLength(6);
      expect(result.problem.details.at(-1)).toMatch(/and \d+ more/);
    }
  });
});
