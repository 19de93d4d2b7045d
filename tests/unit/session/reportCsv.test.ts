import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvCell, sessionsCsv } from '../../../src/session/reportCsv';
import { buildSessionReport } from '../../../src/session/reportSession';
import { generateSession } from '../../helpers/sessionScenario';

const session = generateSession({
  routine: ['standing-hamstring'],
  holdMs: 20_000,
  peakDeg: { left: 75, right: 66 },
  faults: [{ hold: 0, fromMs: 8_000, toMs: 12_000, set: { roundingIndex: 1.3 } }],
});
const report = buildSessionReport(session.record);

function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\r\n');
  const names = header?.split(',') ?? [];
  // Split on commas outside quotes (the faults column is quoted when it lists several).
  return lines.map((line) => {
    const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '')) ?? [];
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']));
  });
}

describe('the CSV export', () => {
  it('has the header and one row per rep', () => {
    const csv = sessionsCsv([report]);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const table = rows(csv);
    expect(table.map((r) => [r.leg, r.rep])).toEqual([
      ['left', '1'],
      ['left', '2'],
      ['right', '1'],
      ['right', '2'],
    ]);
  });

  it('gives held and target seconds, peak angles and the faults of each rep', () => {
    const [first, second] = rows(sessionsCsv([report]));
    expect(first?.held_in_form_s).toBe('20');
    expect(first?.target_s).toBe('20');
    expect(Number(first?.peak_deg)).toBeCloseTo(76.5, 0);
    expect(first?.completed).toBe('yes');
    expect(first?.faults).toMatch(/back-rounded at [\d.]+s for 4s/);
    expect(second?.fault_count).toBe('0');
  });

  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a, b', '"a, b"'],
    ['plain', 'plain'],
  ])('neutralises and quotes text cells: %s', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes numbers as numbers, negative ones included, and missing values as empty', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('yes');
  });
});
