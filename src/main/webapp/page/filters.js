// The page's filters: read from and written to its URL (so an OBS source or a bookmark keeps them), asked of the
// server on every connection and for GET /events, and applied here too, with the server's own rules, to whatever a
// server that could not take them still sends.

const LISTS = ['game_type', 'kind', 'stakes', 'table', 'types'];

/**
 * Filters from the page's query string (?game_type=NLH,PLO&kind=cash&hero_dealt=1), or null for none. The keys
 * and values are the server's (docs/protocol.md, Subscriptions); hero_dealt also reads 1 and 0.
 */
export function filtersFromQuery(params) {
  const filters = {};
  for (const name of LISTS) {
    const values = (params.get(name) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  const dealt = params.get('hero_dealt');
  if (dealt === '1' || dealt === 'true') filters.hero_dealt = true;
  if (dealt === '0' || dealt === 'false') filters.hero_dealt = false;
  return Object.keys(filters).length ? filters : null;
}

/** Writes the filters into a copy of the query string, keeping its other parameters (overlay, ...). */
export function filtersToQuery(filters, params) {
  const query = new URLSearchParams(params);
  for (const name of [...LISTS, 'hero_dealt']) query.delete(name);
  for (const name of LISTS) {
    if (filters?.[name]?.length) query.set(name, filters[name].join(','));
  }
  if (filters?.hero_dealt != null) query.set('hero_dealt', filters.hero_dealt ? '1' : '0');
  return query;
}

/** What the server's filters look at in an event (its EventFacts): a field the event lacks is undefined. */
function facts(message) {
  if (message.type !== 'new_hand') {
    return { type: message.type, kind: message.type === 'tournament_result' ? 'tournament' : undefined,
      heroDealt: false };
  }
  let kind = 'cash';
  if (message.tournament != null || message.currency === 'CHIPS') kind = 'tournament';
  else if (message.currency === 'PLAY') kind = 'play_money';
  return { type: message.type, game_type: message.game_type, stakes: message.stakes, table: message.table, kind,
    heroDealt: typeof message.hero_result === 'number' };
}

/**
 * Whether a message passes, exactly as on the server: values of one key are alternatives, keys combine with AND,
 * and an event without the field a key names does not pass it (a tournament result has no table).
 */
export function matches(filters, message) {
  if (!filters) return true;
  const event = facts(message);
  for (const name of ['game_type', 'stakes', 'kind', 'table']) {
    if (filters[name]?.length && !filters[name].includes(event[name])) return false;
  }
  if (filters.types?.length && !filters.types.includes(event.type)) return false;
  return filters.hero_dealt == null || filters.hero_dealt === event.heroDealt;
}

/** The filters as the page shows them: "Paris · NLH, PLO · hero dealt". */
export function describeFilters(filters) {
  if (!filters) return '';
  return Object.entries(filters).map(([key, value]) => {
    if (key === 'hero_dealt') return value ? 'hero dealt' : 'hero not dealt';
    return value.join(', ');
  }).join(' · ');
}

/** Whether two sets of filters say the same (the page's and the server's "subscribed" answer). */
export function sameFilters(a, b) {
  const normal = (f) => JSON.stringify(Object.keys(f ?? {}).sort().map((k) => [k, Array.isArray(f[k])
    ? [...f[k]].sort() : f[k]]));
  return normal(a) === normal(b);
}
