/**
 * Who a session or clip was for: a client's name or initials, typed by a trainer. Optional
 * everywhere (a person stretching for themselves has none), so stored data and files from before
 * clients existed read as "no client". Pure.
 */

/** Long enough for a full name, short enough to fit a table cell and a file. */
export const CLIENT_NAME_MAX_LENGTH = 60;

/**
 * Control characters (C0, DEL, C1) and the bidirectional overrides and isolates, which can make
 * a name display as something else; none of them belongs in a name.
 */
export const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export type ClientNameCheck =
  | { readonly ok: true; readonly client: string | null }
  | { readonly ok: false; readonly message: string };

/**
 * What the client field's text means: trimmed, inner runs of spaces made one; empty is "no
 * client". Too long or with control characters: a message that says why (nothing is cut).
 */
export function readClientName(input: string): ClientNameCheck {
  const name = input.trim().replace(/\s+/gu, ' ');
  if (name === '') return { ok: true, client: null };
  if (FORBIDDEN_CHARACTERS.test(name))
    return { ok: false, message: 'A client name cannot contain control characters.' };
  if (name.length > CLIENT_NAME_MAX_LENGTH)
    return {
      ok: false,
      message: `A client name can be at most ${CLIENT_NAME_MAX_LENGTH} characters; initials are fine.`,
    };
  return { ok: true, client: name };
}

/** Which sessions History shows: all, those without a client, or one client's. */
export type ClientFilter =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'client'; readonly client: string };

export const ALL_CLIENTS: ClientFilter = Object.freeze({ kind: 'all' });

interface HasClient {
  readonly meta: { readonly client?: string | undefined };
}

export function matchesClient(item: HasClient, filter: ClientFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'none':
      return item.meta.client === undefined;
    case 'client':
      return item.meta.client === filter.client;
  }
}

export interface ClientsPresent {
  /** Each client named at least once, sorted as a person would look them up. */
  readonly clients: readonly string[];
  /** Whether some items have no client (so "No client" is worth offering). */
  readonly someWithout: boolean;
}

export function clientsPresent(items: readonly HasClient[]): ClientsPresent {
  const names = new Set<string>();
  let someWithout = false;
  for (const item of items) {
    if (item.meta.client === undefined) someWithout = true;
    else names.add(item.meta.client);
  }
  return {
    clients: [...names].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })),
    someWithout,
  };
}
