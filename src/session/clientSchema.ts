import { z } from 'zod';
import './zodSetup';
import { CLIENT_NAME_MAX_LENGTH, FORBIDDEN_CHARACTERS } from './clientName';

/**
 * A stored or imported client name (sessions, clips, settings): what the client field could have
 * produced, so a hand-edited file cannot bring in control characters or a name longer than a
 * table cell.
 */
export const clientNameSchema = z
  .string()
  .min(1)
  .max(CLIENT_NAME_MAX_LENGTH)
  .refine((name) => name === name.trim(), 'must not start or end with spaces')
  .refine((name) => !FORBIDDEN_CHARACTERS.test(name), 'must not contain control characters');
