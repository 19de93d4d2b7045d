import { describe, expect, it } from 'vitest';
import { buildSessionReport } from '../../../src/session/reportSession';
import { exportSessionsJson } from '../../../src/session/sessionExport';
import { parseSessionFile } from '../../../src/session/sessionImport';
import { stallSentence } from '../../../src/session/reportStalls';
import { generateSession } from '../../helpers/sessionScenario';

/**
 * A left leg that hinges to 55 degrees: short of the standing stretch's target (60) but within
 * the eased one (52). The right leg reaches 70. The user eases the target once the coach offers.
 */
function stalledSession(choice: 'ease-target' | 'move-on') {
  return generateSession({
    id: `stalled-${choice}`,
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    peakDeg: { left: 55, right: 70 },
    // The stall is offered at 54 s (the hold began at 9 s); the user answers 2 s later. Moving
    // on leaves the left leg short again in rep 2 (offered at about 125 s): moved on again.
    commands: [
      { atMs: 56_000, command: { command: choice } },
      { atMs: 130_000, command: { command: 'move-on' } },
    ],
  });
}

describe('a stalled hold in the recording and the report', () => {
  it('records the stall and the choice, and says it plainly', () => {
    const { record } = stalledSession('ease-target');
    const types = record.events.map((e) => e.type);
    expect(types).toContain('hold-stalled');
    expect(types).toContain('stall-choice');
    const report = buildSessionReport(record);
    expect(report.stalls).toEqual([
      expect.objectContaining({ leg: 'left', rep: 1, choice: 'ease-target' }),
    ]);
    const summary = report.summary.join(' ');
    expect(summary).toContain('Hold 1 on the left: target eased after 47 s without reaching it.');
    // The eased hold then counted: the first rep is complete.
    const first = report.stretches[0]?.reps[0];
    expect(first).toMatchObject({ completed: true, leg: 'left' });
  });

  it('says "moved on" when the user moved on, and the rep is not completed', () => {
    const report = buildSessionReport(stalledSession('move-on').record);
    expect(report.summary.join(' ')).toContain(
      'Hold 1 on the left: moved on after 47 s without reaching it.',
    );
    expect(report.stretches[0]?.reps[0]).toMatchObject({ completed: false, rep: 1 });
  });

  it('keeps the stall events through export and import', () => {
    const { record } = stalledSession('ease-target');
    const parsed = parseSessionFile(exportSessionsJson([record], Date.UTC(2025, 5, 1)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sessions).toEqual([record]);
    expect(buildSessionReport(parsed.sessions[0]!).stalls).toHaveLength(1);
  });
});

describe('the stall sentence', () => {
  it('says what was offered when the user did not answer, and names the stretch when needed', () => {
    const record = {
      stretchId: 'seated-long-sit',
      leg: 'both',
      rep: 2,
      waitedMs: 45_000,
      reachedInRep: true,
      choice: null,
    } as const;
    expect(stallSentence(record, null)).toBe(
      'Hold 2: 45 s without holding it; an easier target or moving on was offered.',
    );
    expect(stallSentence({ ...record, choice: 'ease-target' }, 'seated long-sit stretch')).toBe(
      'Seated long-sit stretch, hold 2: target eased after 45 s without holding it.',
    );
  });
});
