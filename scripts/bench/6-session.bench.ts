import { stretchById } from '../../src/protocol';
import { buildSessionReport } from '../../src/session/reportSession';
import { chunkDue, recordMeasures, startRecorder, takeChunk } from '../../src/session/recorder';
import { exportSessionsJson } from '../../src/session/sessionExport';
import { parseSessionFile } from '../../src/session/sessionImport';
import type { SessionChunk } from '../../src/session/sessionRecord';
import { generateSession } from '../../tests/helpers/sessionScenario';
import { measuresAt } from '../../tests/unit/session/measuresFixture';
import { fixed, printTable } from './table';

export const title = 'Session recorder, report and import (Node)';

/** Ten minutes at 30 fps: the recorder's per-frame cost, the cost of a chunk, the stored size. */
const FRAMES = 10 * 60 * 30;

export function run(): Promise<void> {
  const measures = Array.from({ length: 300 }, (_, i) => measuresAt(0, 60 + (i % 20)));
  let state = startRecorder({
    id: 'bench',
    startedAtEpochMs: Date.UTC(2025, 5, 1),
    clockOriginMs: 0,
    stretches: [stretchById('standing-hamstring')],
    routine: ['standing-hamstring'],
    model: null,
  });
  const chunks: SessionChunk[] = [];
  const start = performance.now();
  for (let i = 1; i <= FRAMES; i++) {
    const nowMs = (i * 1000) / 30;
    state = recordMeasures(state, measures[i % measures.length] ?? measuresAt(nowMs, 60), nowMs);
    if (chunkDue(state, nowMs)) {
      const [next, chunk] = takeChunk(state, nowMs);
      state = next;
      if (chunk !== null) chunks.push(chunk);
    }
  }
  const perFrameUs = ((performance.now() - start) * 1000) / FRAMES;
  const chunkBytes = chunks.map((c) => JSON.stringify(c).length);
  const meanChunk = chunkBytes.reduce((a, b) => a + b, 0) / chunkBytes.length;

  const session = generateSession({
    routine: ['standing-hamstring', 'supine-strap'],
    holdMs: 30_000,
  });
  const reportStart = performance.now();
  buildSessionReport(session.record);
  const reportMs = performance.now() - reportStart;
  const text = exportSessionsJson([session.record], Date.UTC(2025, 5, 1));
  const importStart = performance.now();
  parseSessionFile(text);
  const importMs = performance.now() - importStart;
  const minutes = session.record.meta.lastTMs / 60_000;

  printTable(
    ['measure', 'value'],
    [
      ['recorder, µs per frame (10 min at 30 fps)', fixed(perFrameUs, 2)],
      ['chunks cut (10 min)', String(chunks.length)],
      ['mean chunk, kB of JSON', fixed(meanChunk / 1024, 2)],
      [`generated session: minutes`, fixed(minutes, 1)],
      ['  export size, kB', fixed(text.length / 1024, 0)],
      ['  report build, ms', fixed(reportMs, 1)],
      ['  import check (JSON + zod), ms', fixed(importMs, 1)],
    ],
  );
  return Promise.resolve();
}
