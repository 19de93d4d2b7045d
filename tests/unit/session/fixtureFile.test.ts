import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSessionReport } from '../../../src/session/reportSession';
import { parseSessionFile } from '../../../src/session/sessionImport';

/**
 * The committed export (tests/fixtures/sessions/history.json, written by generate.ts) must keep
 * importing: it stands for files users already saved. If a schema change breaks it, the change
 * needs a migration or a new schema version, not a regenerated fixture.
 */
describe('the committed session export', () => {
  const parsed = parseSessionFile(readFileSync('tests/fixtures/sessions/history.json', 'utf8'));

  it('still passes the import schema', () => {
    expect(parsed.ok ? parsed.sessions.length : parsed.problem).toBe(9);
  });

  it('still reads as reports of completed sessions', () => {
    if (!parsed.ok) return;
    for (const record of parsed.sessions) {
      const report = buildSessionReport(record);
      expect(report.endReason === 'completed' || report.endReason === 'symptoms').toBe(true);
      expect(report.stretches.length).toBeGreaterThan(0);
    }
  });
});
