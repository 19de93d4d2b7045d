import { describe, expect, it } from 'vitest';
import {
  NO_REPORT_FACTS,
  foldReportEvent,
  reportFacts,
  type ReportFacts,
} from '../../../src/session/reportFacts';
import { generateSession } from '../../helpers/sessionScenario';

const session = generateSession({
  routine: ['standing-hamstring'],
  holdMs: 20_000,
  faults: [{ hold: 1, fromMs: 6_000, toMs: 10_000, set: { roundingIndex: 1.4 } }],
});
const events = session.record.events;

/** Freezes the facts all the way down, so a reducer that changed them would throw. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the report facts, folded from the protocol events', () => {
  it('has a stretch with the reps the protocol ended, in order, each with its leg', () => {
    const facts = reportFacts(events, session.record.meta.lastTMs);
    const [stretch] = facts.stretches;
    expect(facts.stretches).toHaveLength(1);
    expect(stretch?.reps.map((r) => [r.open.started.leg, r.ended?.type])).toEqual([
      ['left', 'rep-ended'],
      ['left', 'rep-ended'],
      ['right', 'rep-ended'],
      ['right', 'rep-ended'],
    ]);
    expect(stretch?.endReason).toBe('completed');
    expect(facts.endReason).toBe('completed');
  });

  it('puts a fault span in the rep it happened in', () => {
    const [stretch] = reportFacts(events, session.record.meta.lastTMs).stretches;
    const faults = stretch?.reps.map((r) => r.open.faults.map((f) => f.fault)) ?? [];
    expect(faults[1]).toContain('back-rounded');
    expect(faults[0]).not.toContain('back-rounded');
  });

  it('never changes the facts it is given', () => {
    let facts: ReportFacts = NO_REPORT_FACTS;
    for (const event of events) facts = foldReportEvent(deepFreeze(facts), event);
    expect(facts.stretches[0]?.reps).toHaveLength(4);
  });

  it('closes what the recording cut off: the rep and its fault end where the data ends', () => {
    const cut = generateSession({
      routine: ['standing-hamstring'],
      holdMs: 20_000,
      faults: [{ hold: 0, fromMs: 5_000, toMs: 60_000, set: { roundingIndex: 1.5 } }],
      cutAtMs: 25_000,
    });
    const facts = reportFacts(cut.record.events, 25_000);
    const rep = facts.stretches[0]?.reps.at(-1);
    expect(rep).toMatchObject({ endTMs: 25_000, ended: null });
    expect(rep?.open.faults.find((f) => f.fault === 'back-rounded')).toMatchObject({
      open: true,
      durationMs:
        25_000 - (rep?.open.faults.find((f) => f.fault === 'back-rounded')?.startTMs ?? 0),
    });
  });
});
