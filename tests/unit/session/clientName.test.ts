import { describe, expect, it } from 'vitest';
import { openRecording } from '../../../src/engine/live/sessionPlan';
import { createSessionLibrary } from '../../../src/engine/sessionLibrary';
import { stretchById } from '../../../src/protocol';
import {
  CLIENT_NAME_MAX_LENGTH,
  clientsPresent,
  matchesClient,
  readClientName,
} from '../../../src/session/clientName';
import { startRecorder } from '../../../src/session/recorder';
import { CSV_COLUMNS, sessionsCsv } from '../../../src/session/reportCsv';
import { buildSessionReport } from '../../../src/session/reportSession';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import { importSessionFile, parseSessionFile } from '../../../src/session/sessionImport';
import type { SessionRecord } from '../../../src/session/sessionRecord';
import { SettingsStore } from '../../../src/session/settingsStore';
import { MemoryKeyValueStorage } from '../../fakes/memoryKeyValueStorage';
import { MemorySessionStore } from '../../fakes/memorySessionStore';
import { generateSession } from '../../helpers/sessionScenario';

const june = (day: number) => new Date(2025, 5, day, 7).getTime();

function session(id: string, day: number, client?: string): SessionRecord {
  const { record } = generateSession({
    id,
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    startEpochMs: june(day),
  });
  return client === undefined ? record : { ...record, meta: { ...record.meta, client } };
}

describe('client names', () => {
  it('trims, collapses inner spaces and reads empty as no client', () => {
    expect(readClientName('  Ann   Lee ')).toEqual({ ok: true, client: 'Ann Lee' });
    expect(readClientName('   ')).toEqual({ ok: true, client: null });
    expect(readClientName('A.L.')).toEqual({ ok: true, client: 'A.L.' });
  });

  it('refuses control characters and over-long names with a message, cutting nothing', () => {
    const bell = readClientName('Ann\u0007');
    expect(bell.ok ? 'accepted' : bell.message).toMatch(/control characters/);
    const override = readClientName('Ann\u202eLee');
    expect(override.ok ? 'accepted' : override.message).toMatch(/control characters/);
    expect(readClientName('x'.repeat(CLIENT_NAME_MAX_LENGTH)).ok).toBe(true);
    const long = readClientName('x'.repeat(CLIENT_NAME_MAX_LENGTH + 1));
    expect(long.ok ? 'accepted' : long.message).toMatch(/at most 60 characters/);
  });

  it('a new recording carries its client in the meta, and none when there is none', () => {
    const init = {
      id: 's',
      startedAtEpochMs: june(1),
      clockOriginMs: 0,
      stretches: [stretchById('standing-hamstring')],
      routine: ['standing-hamstring'],
      model: 'movenet-lightning',
    };
    expect(startRecorder({ ...init, client: 'J.S.' }).meta.client).toBe('J.S.');
    expect('client' in startRecorder({ ...init, client: null }).meta).toBe(false);
    expect('client' in startRecorder(init).meta).toBe(false);
  });

  it('exports and imports a session with its client; files without a client still import', async () => {
    const withClient = session('with', 16, 'Ann Lee');
    const without = session('without', 17);
    const file = exportSessionsJson([withClient, without], june(18));
    const parsed = parseSessionFile(file);
    expect(parsed.ok && parsed.sessions.map((s) => s.meta.client)).toEqual(['Ann Lee', undefined]);
    const store = new MemorySessionStore();
    expect((await importSessionFile(store, file)).ok).toBe(true);
    expect((await store.getSession('with'))?.meta.client).toBe('Ann Lee');
    expect((await store.getSession('without'))?.meta).toEqual(without.meta);
  });

  it('puts the client in each CSV row, and leaves the cell empty without one', () => {
    const csv = sessionsCsv([
      buildSessionReport(session('with', 16, '=cmd|calc')),
      buildSessionReport(session('without', 17)),
    ]);
    const [header, ...rows] = csv.trimEnd().split('\r\n');
    const column = CSV_COLUMNS.indexOf('client');
    expect(header?.split(',')[column]).toBe('client');
    // A name that looks like a formula is defused, as every imported text is.
    expect(rows.filter((r) => r.split(',')[column] === "'=cmd|calc")).toHaveLength(4);
    expect(rows.filter((r) => r.split(',')[column] === '')).toHaveLength(4);
  });

  it('filters by client and lists the clients present, sorted', () => {
    const items = [
      session('a', 1, 'bea'),
      session('b', 2, 'Ann'),
      session('c', 3),
      session('d', 4, 'Ann'),
    ];
    expect(clientsPresent(items)).toEqual({ clients: ['Ann', 'bea'], someWithout: true });
    const ids = (filter: Parameters<typeof matchesClient>[1]) =>
      items.filter((i) => matchesClient(i, filter)).map((i) => i.meta.id);
    expect(ids({ kind: 'all' })).toEqual(['a', 'b', 'c', 'd']);
    expect(ids({ kind: 'client', client: 'Ann' })).toEqual(['b', 'd']);
    expect(ids({ kind: 'none' })).toEqual(['c']);
  });

  it("the library's history shows one client's sessions and progress, and offers every client", async () => {
    const lib = createSessionLibrary({
      store: new MemorySessionStore(),
      clock: { nowMs: () => 0, epochMs: () => june(20) },
      newId: () => 'new',
      page: null,
      stash: null,
      locks: null,
    });
    const file = exportSessionsJson(
      [session('a', 16, 'Ann'), session('b', 17, 'Bob'), session('c', 18)],
      june(19),
    );
    await lib.importFile(file);
    const all = await lib.history();
    expect(all.sessions.map((s) => s.meta.id)).toEqual(['c', 'b', 'a']);
    expect(all.clients).toEqual({ clients: ['Ann', 'Bob'], someWithout: true });
    const ann = await lib.history({ kind: 'client', client: 'Ann' });
    expect(ann.sessions.map((s) => s.meta.id)).toEqual(['a']);
    expect(ann.history.sessionCount).toBe(1);
    expect(ann.totalSessions).toBe(3);
    expect(ann.clients).toEqual(all.clients);
  });

  it('a live recording started for a client is stored with it, and through the session plan', async () => {
    const lib = createSessionLibrary({
      store: new MemorySessionStore(),
      clock: { nowMs: () => 0, epochMs: () => june(20) },
      newId: () => 'live',
      page: null,
      stash: null,
      locks: null,
    });
    const stretch = stretchById('standing-hamstring');
    const recording = await openRecording(
      lib,
      { routine: [stretch], stretches: [stretch], model: 'demo', client: 'Ann' },
      'demo',
    );
    if (recording === null) throw new Error('not recorded');
    await lib.finishRecording(recording);
    expect((await lib.list())[0]?.meta.client).toBe('Ann');
  });

  it('remembers the last client in the settings; a bad stored one falls back to none', () => {
    const storage = new MemoryKeyValueStorage();
    const settings = new SettingsStore(storage);
    settings.update({ lastClient: 'Ann' });
    expect(new SettingsStore(storage).load().settings.lastClient).toBe('Ann');
    storage.setItem('stretchcheck.settings.v1', JSON.stringify({ lastClient: 'A\u0000' }));
    const loaded = new SettingsStore(storage).load();
    expect(loaded.settings.lastClient).toBeNull();
    expect(loaded.problem?.message).toMatch(/last client/);
  });
});
