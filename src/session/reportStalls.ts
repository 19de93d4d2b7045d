import type { ProtocolEvent, RepLeg, StallChoice } from '../protocol';
import { capitalise, formatDuration } from './reportFormat';

/**
 * Holds that would not come (protocol/holdStall.ts): the coach's offer and the user's answer,
 * one record per rep, said plainly in the report ("Hold 2 on the left leg: target eased after
 * 45 s without reaching it").
 */
export interface StallRecord {
  readonly stretchId: string;
  readonly leg: RepLeg;
  readonly rep: number;
  /** How long the hold had waited without counting when the choice was made (or offered). */
  readonly waitedMs: number;
  /** Whether the position had been reached earlier in that rep. */
  readonly reachedInRep: boolean;
  /** Null when the offer was not answered (the hold carried on, or the session ended). */
  readonly choice: StallChoice | null;
}

const repKey = (e: { stretchId: string; leg: RepLeg; rep: number }): string =>
  `${e.stretchId}|${e.leg}|${e.rep}`;

export function stallRecords(events: readonly ProtocolEvent[]): StallRecord[] {
  const byRep = new Map<string, StallRecord>();
  for (const event of events) {
    if (event.type === 'hold-stalled') {
      const key = repKey(event);
      if (byRep.has(key)) continue;
      byRep.set(key, {
        stretchId: event.stretchId,
        leg: event.leg,
        rep: event.rep,
        waitedMs: event.waitedMs,
        reachedInRep: event.reachedInRep,
        choice: null,
      });
    } else if (event.type === 'stall-choice') {
      const key = repKey(event);
      const offered = byRep.get(key);
      if (offered !== undefined && offered.choice !== null) continue;
      byRep.set(key, {
        stretchId: event.stretchId,
        leg: event.leg,
        rep: event.rep,
        waitedMs: event.waitedMs,
        reachedInRep: offered?.reachedInRep ?? false,
        choice: event.choice,
      });
    }
  }
  return [...byRep.values()];
}

function onLeg(leg: RepLeg): string {
  return leg === 'both' ? '' : ` on the ${leg}`;
}

/** "Hold 2 on the left: target eased after 45 s without reaching it." */
export function stallSentence(stall: StallRecord, stretchName: string | null): string {
  const hold = `old ${stall.rep}${onLeg(stall.leg)}`;
  const where = stretchName === null ? `H${hold}` : `${capitalise(stretchName)}, h${hold}`;
  const waited = `after ${formatDuration(stall.waitedMs)} without ${stall.reachedInRep ? 'holding' : 'reaching'} it`;
  switch (stall.choice) {
    case 'ease-target':
      return `${where}: target eased ${waited}.`;
    case 'move-on':
      return `${where}: moved on ${waited}.`;
    case null:
      return (
        `${where}: ${formatDuration(stall.waitedMs)} without ${stall.reachedInRep ? 'holding' : 'reaching'} ` +
        'it; an easier target or moving on was offered.'
      );
  }
}
