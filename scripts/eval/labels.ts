/**
 * Form labels of the eval set, read from folder and file names as documented in
 * ../shared/realdata/MANIFEST.md: the kettlebell clips' suffix (c = correct, r = rounded back),
 * folders named correct / rounded_back / good / bad, and the phase-clip folders
 * (descending_rounded_lower_back, setup_rounded_upper_back, *_correct).
 *
 * - 'rounded': labelled rounded back (lower or upper);
 * - 'correct': labelled correct / good form;
 * - 'bad': labelled faulty without saying which fault (may or may not be rounding);
 * - null: no form label (yoga photos).
 */
export type FormLabel = 'rounded' | 'correct' | 'bad';

export function formLabel(relativePath: string): FormLabel | null {
  const path = relativePath.toLowerCase();
  const parts = path.split('/');
  const file = parts.at(-1) ?? '';
  if (parts.some((p) => p.includes('rounded'))) return 'rounded';
  if (/^\d+r_\d/.test(file)) return 'rounded';
  if (parts.some((p) => p === 'correct' || p.endsWith('_correct') || p === 'good'))
    return 'correct';
  if (/^\d+c_\d/.test(file)) return 'correct';
  if (parts.some((p) => p === 'bad')) return 'bad';
  return null;
}

/** The unit a label belongs to: a video, or for derived frames the clip they came from. */
export function clipOf(relativePath: string): string {
  const file = relativePath.split('/').at(-1) ?? relativePath;
  const derived = /^(\d+[a-z]_\d+)_t[\d.]+s\.\w+$/i.exec(file);
  return derived?.[1] !== undefined ? `${derived[1]} (frames)` : relativePath;
}

/** The folder a file is summarised under: its first two path levels. */
export function folderOf(relativePath: string): string {
  const parts = relativePath.split('/');
  return parts.length > 2 ? parts.slice(0, 2).join('/') : (parts[0] ?? '.');
}

/**
 * Where a file comes from (../shared/realdata/MANIFEST.md), for per-source figures and the
 * hold-out check: the kettlebell clips and the frames taken from them are one source (one lifter,
 * one room), as are the phase clips, the good/bad full clips and the YFGD clips.
 */
export type Source =
  'kettlebell' | 'phase-clips' | 'good-bad-full' | 'yfgd' | 'photos' | 'yoga-video' | 'other';

export function sourceOf(relativePath: string): Source {
  const path = relativePath.toLowerCase();
  if (path.includes('kettlebell') || path.includes('hip_hinge_deadlift_frames'))
    return 'kettlebell';
  if (path.includes('phase_clips')) return 'phase-clips';
  if (path.includes('good_vs_bad')) return 'good-bad-full';
  if (path.includes('yfgd')) return 'yfgd';
  if (path.startsWith('images/')) return 'photos';
  if (path.startsWith('videos/')) return 'yoga-video';
  return 'other';
}

/**
 * The hold-out split (`--holdout`): thresholds judged on one half are checked on the other, whole
 * sources at a time so no lifter or room is on both sides.
 */
export const HOLDOUT_HALVES: readonly (readonly Source[])[] = [
  ['kettlebell', 'phase-clips'],
  ['yfgd', 'good-bad-full', 'photos'],
];

/**
 * Informal visual notes from MANIFEST.md (not source labels): what a person sees in a few
 * photos, printed beside what geometry says. Not used to set anything.
 */
export const VISUAL_NOTES: readonly {
  readonly file: string;
  readonly note: string;
  readonly back?: 'flat' | 'rounded';
  readonly knee?: 'straight' | 'soft' | 'bent';
}[] = [
  {
    file: 'images/seated_long_sit_staff_pose/4. dandasana-1024x756.png',
    note: 'slumped: upper back rounded, head dropped',
    back: 'rounded',
  },
  {
    file: 'images/downward_dog/23. george7.png',
    note: 'oblique, short stance, bent knees, rounded upper back',
    back: 'rounded',
    knee: 'bent',
  },
  {
    file: 'images/standing_forward_fold/000019.jpg',
    note: 'knees slightly bent, deep fold',
    knee: 'soft',
  },
  {
    file: 'images/standing_forward_fold/000066.jpg',
    note: 'partial fold, hands at the ankles, legs straight',
    knee: 'straight',
  },
];
