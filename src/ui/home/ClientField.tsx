import type { RefObject } from 'react';
import { CLIENT_NAME_MAX_LENGTH } from '../../session/clientName';

interface Props {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Forgets the remembered client: the field empties and the next session has none. */
  readonly onClear: () => void;
  /** Why the text cannot be used (shown under the field); null when it can. */
  readonly error: string | null;
  readonly inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * Who the session is for, for a trainer with several clients: a name or initials, optional. The
 * last one used is filled in again, so a trainer with one client at a time types it once.
 */
export function ClientField({ value, onChange, onClear, error, inputRef }: Props) {
  return (
    <fieldset className="picker client-field">
      <legend>Client (optional)</legend>
      <label htmlFor="client-name">Name or initials of the person stretching</label>
      <div className="client-row">
        <input
          id="client-name"
          ref={inputRef}
          type="text"
          autoComplete="off"
          spellCheck={false}
          // One over the limit, so an over-long paste gets a message rather than being cut.
          maxLength={CLIENT_NAME_MAX_LENGTH + 1}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'client-error client-hint' : 'client-hint'}
        />
        {value !== '' && (
          <button type="button" className="small" onClick={onClear}>
            Clear client
          </button>
        )}
      </div>
      {error !== null && (
        <p id="client-error" className="error-inline" role="alert">
          {error}
        </p>
      )}
      <p id="client-hint" className="hint">
        Shown on the report and in exports, so you can tell clients apart. Leave it empty when you
        stretch for yourself.
      </p>
    </fieldset>
  );
}
