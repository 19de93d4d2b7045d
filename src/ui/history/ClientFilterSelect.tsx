import type { ClientFilter, ClientsPresent } from '../../session/clientName';

/** The select's value for each filter; a client's name cannot clash (it is prefixed). */
const ALL_VALUE = 'all';
const NONE_VALUE = 'none';
const CLIENT_PREFIX = 'client:';

function valueOf(filter: ClientFilter): string {
  switch (filter.kind) {
    case 'all':
      return ALL_VALUE;
    case 'none':
      return NONE_VALUE;
    case 'client':
      return CLIENT_PREFIX + filter.client;
  }
}

function filterOf(value: string): ClientFilter {
  if (value.startsWith(CLIENT_PREFIX))
    return { kind: 'client', client: value.slice(CLIENT_PREFIX.length) };
  return value === NONE_VALUE ? { kind: 'none' } : { kind: 'all' };
}

/** "Show sessions of": all clients (the default), one client, or sessions without a client. */
export function ClientFilterSelect({
  present,
  filter,
  onChange,
}: {
  readonly present: ClientsPresent;
  readonly filter: ClientFilter;
  readonly onChange: (filter: ClientFilter) => void;
}) {
  // A filter on a client whose sessions were all deleted still shows, so the select says the truth.
  const clients =
    filter.kind === 'client' && !present.clients.includes(filter.client)
      ? [...present.clients, filter.client]
      : present.clients;
  return (
    <p className="client-filter">
      <label htmlFor="client-filter">Show sessions of</label>{' '}
      <select
        id="client-filter"
        value={valueOf(filter)}
        onChange={(e) => onChange(filterOf(e.target.value))}
      >
        <option value={ALL_VALUE}>All clients</option>
        {clients.map((client) => (
          <option key={client} value={CLIENT_PREFIX + client}>
            {client}
          </option>
        ))}
        {(present.someWithout || filter.kind === 'none') && (
          <option value={NONE_VALUE}>No client given</option>
        )}
      </select>
    </p>
  );
}
