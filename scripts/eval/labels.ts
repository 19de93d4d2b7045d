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
