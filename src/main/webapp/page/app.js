// The live session page: the session so far from GET /events, then live hands from the WebSocket through the
// client library, which resumes after the last event shown whenever the connection comes back.
import { HandFeed } from '../handfeed-client.js';
import { Session, currencyOf } from './session.js';
import { describeFilters, filtersFromQuery, filtersToQuery, matches, sameFilters } from './filters.js';
import { loadEvents } from './history.js';
import { card, figure, money, ordinal, signClass, timeOfDay, winningsText } from './format.js';
import { ResultChart } from './chart.js';

const MAX_ROWS = 2000;
const TOKEN_KEY = 'handfeed.token';

const params = new URLSearchParams(location.search);
const overlay = document.documentElement.classList.contains('overlay');
const filters = filtersFromQuery(params);
const session = new Session();
const chart = overlay ? null : new ResultChart(document.getElementById('chart'));
const $ = (id) => document.getElementById(id);
let renderPending = false;
/** Events the server sent that the page's filters held back: 0 while the server does the filtering. */
let filteredHere = 0;

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) node.setAttribute(name, value);
  }
  node.append(...children.filter((c) => c != null));
  return node;
}

function cards(list, extraClass = '') {
  const box = el('span', { class: `cards ${extraClass}` });
  if (!list?.length) {
    box.textContent = '–';
    return box;
  }
  for (const text of list) {
    const c = card(text);
    box.append(el('span', { class: `card s-${c.suit}`, title: text }, c.rank, el('i', {}, c.symbol)));
  }
  return box;
}

// ---- token (AUTH_MODE=jwt) -------------------------------------------------------------------------------------

/**
 * The token, taken from #token=... (an OBS source's URL: a fragment is never sent to the server) and then kept for
 * the tab and taken out of the address bar and the history; or the one this tab kept before (sessionStorage: it
 * ends with the tab and no other site sees it). It goes out as Authorization: Bearer over HTTP and as the
 * subprotocol bearer.<token> on the WebSocket, never in a URL.
 */
const currentToken = takeToken();

function takeToken() {
  const fragment = new URLSearchParams(location.hash.slice(1));
  const fromFragment = fragment.get('token');
  if (!fromFragment) return storedToken();
  if (keepToken(fromFragment)) {
    fragment.delete('token');
    const rest = fragment.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  }
  return fromFragment;
}

function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** False when the browser keeps no session storage (some embedded browsers): the fragment carries it then. */
function keepToken(value) {
  try {
    sessionStorage.setItem(TOKEN_KEY, value);
    return true;
  } catch {
    return false;
  }
}

/** What the page says when the server refuses: its own reason (Token expired, Invalid signature...) if it gave one. */
function refusal({ status, code, reason, tokenSent }) {
  if (code === 4401) {
    return `The server ended the connection: ${reason ?? 'the token is no longer valid'}. Paste a new token.`;
  }
  if (tokenSent) return `The server refused the token: ${reason ?? `HTTP ${status}`}`;
  return status === 401 ? null : `The server refused this page: ${reason ?? `HTTP ${status}`}`;
}

/** Shows the token form, with why the last token did not do; nothing is loaded until one is given. */
function askToken(problem) {
  setStatus('auth', problem ? 'Token refused' : 'Token needed');
  const form = $('token-form');
  $('token-problem').textContent = problem ?? '';
  form.hidden = false;
  form.onsubmit = (event) => {
    event.preventDefault();
    const value = form.token.value.trim();
    if (!value) {
      $('token-problem').textContent = 'Paste a token first.';
      return;
    }
    if (!keepToken(value)) location.hash = new URLSearchParams({ token: value }).toString();
    location.reload();
  };
}

// ---- status and notices ----------------------------------------------------------------------------------------

function setStatus(state, text, status = {}) {
  const node = $('status');
  node.dataset.state = state;
  if (status.lastEventId != null) node.dataset.lastEventId = String(status.lastEventId);
  node.textContent = text;
}

function describe(status) {
  switch (status.state) {
    case 'connecting': return status.attempt ? `Connecting (attempt ${status.attempt + 1})…` : 'Connecting…';
    case 'catching-up': return 'Catching up…';
    case 'live': return 'Live';
    case 'reconnecting':
      return `Reconnecting in ${Math.ceil(status.retryInMs / 1000)} s (${status.reason})`;
    case 'closed': return 'Closed';
    default: return status.state;
  }
}

function notice(kind, text, key = text) {
  const box = $('notices');
  if ([...box.children].some((n) => n.dataset.key === key)) return;
  const node = el('p', { class: `notice ${kind}`, 'data-key': key }, text);
  const close = el('button', { type: 'button', 'aria-label': 'dismiss' }, '×');
  close.onclick = () => node.remove();
  node.append(close);
  box.append(node);
}

function gapNotice(gap) {
  const from = gap.requested_event_id;
  const first = gap.first_available_event_id;
  switch (gap.reason) {
    case 'retention':
      notice('warn', `Events ${from + 1} to ${first - 1} are no longer kept by the server: hands played then are `
          + 'missing from this session.', `gap-${from}`);
      break;
    case 'unknown_stream':
      notice('warn', 'The server started a new journal (its data was reset): the hands above are from before, '
          + 'new ones follow.', `gap-stream-${first}`);
      break;
    case 'future_event_id':
      notice('warn', `The server's journal is behind this page (event ${from} asked, it knows fewer): `
          + 'hands may be missing.', `gap-future-${from}`);
      break;
    default:
      notice('warn', `The server could not replay everything (${gap.reason}).`, `gap-${gap.reason}-${from}`);
  }
}

function onError(error, connection) {
  if (error.kind === 'auth') {
    // The same token would only be refused again: stop until the user gives another (the form reloads the page).
    connection.close();
    askToken(refusal(error));
  } else if (error.kind === 'server' && error.message?.startsWith('Token expired')) {
    // The 4401 close that follows puts it in the token form, in words for this page's user: the server's own text
    // tells programs to send a refresh, which a person cannot do here. (Nor is it a refusal of the filters.)
  } else if (error.kind === 'server' && filters) {
    notice('info', `The server did not take the filters (${error.message}); this page filters what it receives.`,
        'filters-refused');
    showWhereFiltered(false);
  } else if (error.kind === 'server') {
    notice('info', `Server: ${error.message}`);
  } else {
    console.warn('handfeed:', error);
  }
}

// ---- the session -----------------------------------------------------------------------------------------------

function addEvents(events) {
  const passing = events.filter((event) => matches(filters, event));
  if (passing.length < events.length) {
    filteredHere += events.length - passing.length;
    $('filters-active').dataset.filteredHere = String(filteredHere);
  }
  const fresh = passing.filter((event) => session.add(event));
  if (fresh.length === 0) return;
  if (!overlay) addRows(fresh);
  if (!renderPending) {
    renderPending = true;
    setTimeout(render, 0);
  }
}

function addRows(events) {
  const body = $('hands').tBodies[0];
  for (const event of events) body.prepend(row(event));
  while (body.rows.length > MAX_ROWS) body.lastElementChild.remove();
}

/** The time of day; its seconds in their own span, which a phone leaves out to keep the result on screen. */
function timeCell(iso) {
  const text = timeOfDay(iso);
  const seconds = text.length > 5 ? el('span', { class: 'sec' }, text.slice(5)) : null;
  return el('td', { title: iso }, text.slice(0, 5), seconds);
}

/** A finished tournament: its name, buy-in, place and prizes in the columns of a hand, and its net as the result. */
function resultRow(event) {
  const currency = currencyOf(event);
  const of = event.finish != null && event.registered_players ? el('span', { class: 'of' },
      ` / ${event.registered_players}`) : null;
  const name = event.name ?? 'Tournament';
  const entry = event.entry > 1 ? ` (entry ${event.entry})` : '';
  return el('tr', { class: 'result-row', 'data-event-id': event.event_id, 'data-tournament-id': event.tournament_id },
      timeCell(event.timestamp),
      el('td', { title: `${name} (${event.tournament_id})` }, `${name}${entry}`),
      el('td', {}, 'tournament'),
      el('td', { title: 'buy-in' }, event.buy_in?.text ?? '–'),
      el('td', { title: 'place' }, ordinal(event.finish), of),
      el('td', { title: 'won' }, el('span', { class: 'won' }, winningsText(event.winnings, currency))),
      // The board's column stays, empty: a phone hides it, as for hands, and the net stays last.
      el('td', {}),
      el('td', { class: `num ${signClass(event.net)}`, title: 'net: won − buy-ins' }, money(event.net, currency)));
}

function row(event) {
  if (event.type === 'tournament_result') return resultRow(event);
  const title = event.tournament ? `${event.tournament.name} (level ${event.tournament.level})` : null;
  return el('tr', { 'data-event-id': event.event_id, 'data-hand-id': event.hand_id },
      timeCell(event.timestamp),
      el('td', { title }, event.table),
      el('td', {}, event.game_type),
      el('td', {}, event.stakes),
      el('td', {}, event.hero_position ?? '–'),
      el('td', {}, cards(event.hero_cards)),
      el('td', {}, cards(event.board, 'board')),
      el('td', { class: `num ${signClass(event.hero_result)}` }, money(event.hero_result, event.currency)));
}

function render() {
  renderPending = false;
  const summary = session.summary();
  if (overlay) {
    renderOverlay(summary);
    return;
  }
  const hands = summary.reduce((sum, s) => sum + s.hands, 0);
  const results = summary.reduce((sum, s) => sum + s.results, 0);
  $('hand-count').textContent = `(${hands}${results ? ` + ${tournaments(results)}` : ''})`;
  const body = $('summary').tBodies[0];
  body.replaceChildren(...summary.map((s) => el('tr', { 'data-currency': s.currency },
      el('th', {}, s.currency),
      el('td', {}, String(s.hands) + (s.results ? ` + ${tournaments(s.results)}` : '')),
      el('td', { class: signClass(s.net) }, money(s.net, s.currency)),
      el('td', {}, figure(s.bbPer100, 1)),
      el('td', {}, figure(s.vpip, 0, ' %')),
      el('td', {}, figure(s.pfr, 0, ' %')))));
  chart.update(session.chartData());
}

function tournaments(count) {
  return count === 1 ? '1 tournament' : `${count} tournaments`;
}

function renderOverlay(summary) {
  const last = session.lastHand();
  if (last) {
    $('overlay-hand').replaceChildren(
        el('div', { class: 'o-meta' }, [last.hero_position, last.game_type, last.stakes].filter(Boolean).join(' · ')),
        el('div', { class: 'o-cards' }, cards(last.hero_cards), last.board?.length ? cards(last.board, 'board') : null),
        el('div', { class: `o-result ${signClass(last.hero_result)}` }, money(last.hero_result, last.currency)));
  }
  $('overlay-net').replaceChildren(...summary.map((s) => el('div', { class: 'o-line', 'data-currency': s.currency },
      el('span', { class: 'o-label' },
          `Session · ${s.hands} hands${s.results ? ` · ${tournaments(s.results)}` : ''}`),
      el('span', { class: `o-total ${signClass(s.net)}` }, money(s.net, s.currency)))));
}

// ---- filters ---------------------------------------------------------------------------------------------------

function setUpFilters() {
  const form = $('filters');
  for (const input of form.querySelectorAll('input[type=checkbox]')) {
    input.checked = input.name === 'hero_dealt' ? Boolean(filters?.hero_dealt)
        : Boolean(filters?.[input.name]?.includes(input.value));
  }
  form.stakes.value = filters?.stakes?.join(', ') ?? '';
  form.table.value = filters?.table?.join(', ') ?? '';
  $('filters-active').textContent = filters ? `(${describeFilters(filters)})` : '';
  const apply = (chosen) => {
    location.search = filtersToQuery(chosen, params).toString();
  };
  form.onsubmit = (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const query = new URLSearchParams();
    for (const name of ['game_type', 'kind']) query.set(name, data.getAll(name).join(','));
    query.set('stakes', data.get('stakes'));
    query.set('table', data.get('table'));
    if (data.get('hero_dealt')) query.set('hero_dealt', '1');
    const types = data.getAll('types');
    if (types.length === 1) query.set('types', types[0]);
    apply(filtersFromQuery(query));
  };
  $('filters-clear').onclick = () => apply(null);
}

/**
 * Says who applies the filters: the server, once its "subscribed" answer names them, or only this page when the
 * server refused them or answered with other ones.
 */
function showWhereFiltered(byServer) {
  if (!filters || overlay) return;
  const where = $('filters-where');
  where.dataset.by = byServer ? 'server' : 'page';
  where.textContent = byServer ? 'applied by the server' : 'applied by this page';
}

function onSubscribed(message) {
  const node = $('filters-where');
  node.dataset.subscribed = String(Number(node.dataset.subscribed ?? 0) + 1);
  if (filters) showWhereFiltered(sameFilters(filters, message.filters));
}

// ---- start -----------------------------------------------------------------------------------------------------

async function start() {
  if (!overlay) setUpFilters();
  render();
  setStatus('loading', 'Loading the session…');
  let position = { lastEventId: null, streamId: null };
  const load = (withFilters) => loadEvents({ fetch: window.fetch.bind(window), base: location.href,
    token: currentToken, filters: withFilters, onEvents: addEvents });
  try {
    try {
      position = await load(filters);
    } catch (error) {
      if (error.status !== 400 || !filters) throw error;
      // The server refuses the page's filters (a value it does not know): the page applies them to everything.
      notice('info', 'The server did not take the filters; this page filters what it receives.', 'filters-refused');
      showWhereFiltered(false);
      position = await load(null);
    }
  } catch (error) {
    if (error.status === 401 || error.status === 403) {
      askToken(refusal({ status: error.status, reason: error.reason, tokenSent: Boolean(currentToken) }));
      return;
    }
    if (error.status === 404) {
      notice('info', 'This server does not keep the session (no GET /events): hands appear from now on.',
          'no-events');
    } else {
      notice('warn', `Could not load the session so far: ${error.message}`, 'events-failed');
    }
  }
  HandFeed.connect(new URL('ws', location.href).toString(), {
    clientName: overlay ? 'live-page-overlay' : 'live-page',
    lastEventId: position.lastEventId,
    streamId: position.streamId,
    filters,
    token: currentToken,
    onEvent: (event) => addEvents([event]),
    onSubscribed,
    onStatus: (status) => setStatus(status.state, describe(status), status),
    onGap: gapNotice,
    onError,
  });
}

start();
