import { fixed, printTable } from '../../bench/table';
import {
  groupClips,
  summariseClips,
  type AgreementSummary,
  type AngleSummary,
  type ClipComparison,
  type StudioSummary,
} from './studioScore';

/** Prints studio-mode summaries as tables. */

const percent = (part: number, whole: number): string =>
  whole === 0 ? '-' : `${Math.round((100 * part) / whole)}%`;

/** "p50/p95 (measured%)" in degrees; "-" where the truth never has the angle. */
function angleCell(s: AngleSummary): string {
  if (s.truthFrames === 0) return '-';
  if (s.medianDeg === null || s.p95Deg === null) return `not measured (0%)`;
  return `${fixed(s.medianDeg)}/${fixed(s.p95Deg)} (${percent(s.measured, s.truthFrames)})`;
}

/** "agreement% (measured%)": agreement over frames where both gave a value. */
function agreementCell(s: AgreementSummary): string {
  if (s.truthFrames === 0) return '-';
  if (s.measured === 0) return 'not measured (0%)';
  return `${percent(s.agreed, s.measured)} (${percent(s.measured, s.truthFrames)})`;
}

const HEADER = [
  'group',
  'clips',
  'frames',
  'body found',
  'hip|raise° p50/p95',
  'knee° p50/p95',
  'ankle° p50/p95',
  'near side',
  'working leg',
  'orientation',
  'back curl° p50/p95',
  'knee state',
  'back state',
  'legs swapped',
];

export function summaryRow(s: StudioSummary): string[] {
  return [
    s.group,
    String(s.clips),
    String(s.frames),
    agreementCell(s.body),
    angleCell(s.hipOrRaise),
    angleCell(s.knee),
    angleCell(s.ankle),
    agreementCell(s.nearSide),
    agreementCell(s.workingLeg),
    agreementCell(s.orientation),
    s.hasMask ? angleCell(s.backCurl) : 'not measured (no mask)',
    agreementCell(s.kneeState),
    agreementCell(s.backState),
    s.legsSwapped.judged === 0
      ? '-'
      : `${percent(s.legsSwapped.swapped, s.legsSwapped.judged)} of ${s.legsSwapped.judged}`,
  ];
}

export const LEGEND = `Angles: |app - truth| median/p95 in degrees over frames whose truth has the angle, (in brackets)
the share of those the app measured. States and sides: agreement over frames where both gave a
value, (in brackets) the share of truth frames the app gave one for. hip|raise = hip flexion, or
lying the leg raise; the leg is the working one, else the near one. Legs swapped: frames whose
app knees and ankles lie nearer the other leg's exact points, of the frames with the legs apart.`;

/** The per-stretch, per-person, per-camera and all-clip tables of one model's clips. */
export function studioTables(
  clips: readonly ClipComparison[],
): { readonly title: string; readonly rows: StudioSummary[] }[] {
  return [
    { title: 'Per stretch', rows: groupClips(clips, (c) => c.stretch) },
    { title: 'Per person', rows: groupClips(clips, (c) => c.person) },
    { title: 'Per camera setup', rows: groupClips(clips, (c) => c.camera) },
    { title: 'All clips', rows: [summariseClips('all', clips)] },
  ];
}

export function printSummaries(title: string, rows: readonly StudioSummary[]): void {
  console.log(`\n${title}`);
  printTable(HEADER, rows.map(summaryRow));
}
