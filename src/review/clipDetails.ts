import { FORBIDDEN_CHARACTERS } from '../session/clientName';
import { MAX_TITLE_CHARS } from './clipTypes';

/**
 * A clip's name as a person types it when renaming: trimmed, inner runs of spaces made one. An
 * empty name or one with control characters is refused with words; nothing is cut off. Pure.
 */
export type ClipTitleCheck =
  { readonly ok: true; readonly title: string } | { readonly ok: false; readonly message: string };

export function readClipTitle(input: string): ClipTitleCheck {
  const title = input.trim().replace(/\s+/gu, ' ');
  if (title === '') return { ok: false, message: 'A clip needs a name; type at least one letter.' };
  if (FORBIDDEN_CHARACTERS.test(title))
    return { ok: false, message: 'A clip name cannot contain control characters.' };
  if (title.length > MAX_TITLE_CHARS)
    return { ok: false, message: `A clip name can be at most ${MAX_TITLE_CHARS} characters.` };
  return { ok: true, title };
}
