import type { FaultId, SymptomAnswer } from '../protocol';
import type { SymptomRecord } from './reportTypes';
import type { DepthMeasure, ReportLeg } from './sessionRecord';

/** Words and number formats the report, the history and the CSV share. Pure. */

/** "0:07", "4:05", "1:02:03": a session-time position. */
export function formatClock(ms: number): string {
  const totalS = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(totalS / 3600);
  const m = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** "8 s", "1 min 5 s", "12 min": a length of time in words. */
export function formatDuration(ms: number): string {
  const totalS = Math.max(0, Math.round(ms / 1000));
  if (totalS < 60) return `${totalS} s`;
  const m = Math.floor(totalS / 60);
  const s = totalS % 60;
  if (m >= 10 || s === 0) return `${Math.round(totalS / 60)} min`;
  return `${m} min ${s} s`;
}

/** Seconds with one decimal where it matters: "29.6 s", "30 s". */
export function formatSeconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s} s`;
}

export function formatDegrees(deg: number | null): string {
  return deg === null ? '—' : `${Math.round(deg)}°`;
}

export function formatIndex(index: number | null): string {
  return index === null ? '—' : index.toFixed(2);
}

export function formatPercent(part: number, whole: number): string {
  return whole <= 0 ? '—' : `${Math.round((100 * part) / whole)}%`;
}

export function legLabel(leg: ReportLeg): string {
  return leg === 'both' ? 'both legs' : `${leg} leg`;
}

export function depthLabel(measure: DepthMeasure | null): string {
  return measure === 'legRaiseDeg' ? 'leg raise' : 'hip hinge';
}

/** Names for faults the report shows often; others are spelt out from their id. */
const FAULT_LABELS: Readonly<Record<string, string>> = {
  'back-rounded': 'rounded back',
  'head-forced-down': 'head pushed down',
  'knees-bent': 'knees bent',
  'feet-not-flexed': 'feet not flexed',
  'trunk-slumped': 'slumped trunk',
  'glide-knee-bent': 'knee bent',
  'working-knee-bent': 'knee bent',
  'working-knee-locked': 'knee locked',
  'standing-knee-locked': 'standing knee locked',
  'raised-knee-bent': 'raised knee bent',
  'raised-knee-locked': 'raised knee locked',
  bouncing: 'bouncing',
  'hold-broken': 'came out of the hold',
  'end-position-held': 'end position held',
};

export function faultLabel(fault: FaultId): string {
  return FAULT_LABELS[fault] ?? fault.replace(/-/g, ' ');
}

/** "tingling and numbness", or null when nothing was reported. */
export function symptomWords(answer: SymptomAnswer | null): string | null {
  if (answer === null) return null;
  const words = [
    answer.tingling ? 'tingling' : null,
    answer.numbness ? 'numbness' : null,
    answer.sharpPain ? 'sharp pain' : null,
  ].filter((w): w is string => w !== null);
  return words.length === 0 ? null : joinWords(words);
}

/** What a symptom record reports in words, or null when nothing was reported. */
export function symptomRecordWords(record: SymptomRecord): string | null {
  return record.source === 'pain-button' ? 'pain or tingling' : symptomWords(record.answer);
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The sentence-case form of `text`: its first letter upper-case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
