// The page's filters: read from and written to its URL (so an OBS source or a bookmark keeps them), sent to the
// server as "subscribe", and applied here too, to the session loaded from GET /events and to whatever a server
// that cannot filter yet still sends.

const LISTS = ['game_type', 'kind', 'stakes', 'table'];

/** Filters from the page's query string (?game_type=NLH,PLO&kind=cash&hero_dealt=1), or null for none. */
export function filtersFromQuery(params) {
  const filters = {};
  for (const name of LISTS) {
    const values = (params.get(name) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
    if (values.length) filters[name] = values;
  }
  if (params.get('hero_dealt') === '1' || params.get('hero_dealt') === 'true') filters.hero_dealt = true;
  return Object.keys(filters).length ? filters : null;
}

/** Writes the filters into a copy of the query string, keeping its other parameters (overlay, ...). */
export function filtersToQuery(filters, params) {
  const query = new URLSearchParams(params);
  for (const name of [...LISTS, 'hero_dealt']) query.delete(name);
  for (const name of LISTS) {
    if (filters?.[name]?.length) query.set(name, filters[name].join(','));
  }
  if (filters?.hero_dealt) query.set('hero_dealt', '1');
  return query;
}

/** Whether a message passes. A filter on a field the message does not have (a tournament result's table) does
 * not exclude it. */
export function matches(filters, message) {
  if (!filters) return true;
  const kind = message.type === 'tournament_result' || message.tournament != null ? 'tournament' : 'cash';
  if (filters.kind?.length && !filters.kind.includes(kind)) return false;
  for (const name of ['game_type', 'stakes', 'table']) {
    if (filters[name]?.length && message[name] !== undefined && !filters[name].includes(message[name])) return false;
  }
  if (filters.hero_dealt && message.type === 'new_hand' && !(message.hero_cards?.length > 0)) return false;
  return true;
}
