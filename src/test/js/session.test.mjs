import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Session, currencyOf, toHundredths } from '../../main/webapp/page/session.js';
import { describeFilters, filtersFromQuery, filtersToQuery, matches, sameFilters }
  from '../../main/webapp/page/filters.js';
import { loadEvents } from '../../main/webapp/page/history.js';
import { card, figure, money, ordinal, signClass, winningsText } from '../../main/webapp/page/format.js';
import { hand } from './fakes.mjs';

test('the session adds up each currency exactly, hands once each', () => {
  const session = new Session();
  for (const [id, result] of [[1, 0.1], [2, 0.2], [3, -0.05]]) session.add(hand(id, { hero_result: result }));
  assert.equal(session.add({ ...session.events[0], event_id: 99 }), false, 'the same hand_id is the same hand');
  session.add(hand(4, { currency: 'CHIPS', hero_result: 1250.5, tournament: { name: 'Expresso' } }));
  session.add(hand(5, { hero_result: null, hero_cards: [], hero_position: null }));
  assert.deepEqual(session.summary().map((s) => [s.currency, s.hands, s.net]), [['EUR', 4, 0.25], ['CHIPS', 1, 1250.5]]);
  assert.equal(toHundredths(0.1) + toHundredths(0.2), 30);
  assert.equal(session.lastHand().event_id, 5);
});

test('bb/100, VPIP and PFR come from the hands that carry them, and are null ("–") without any', () => {
  const session = new Session();
  session.add(hand(1, { hero_result: 0.07 }));
  assert.deepEqual([session.summary()[0].bbPer100, session.summary()[0].vpip, session.summary()[0].pfr],
      [null, null, null], 'no big_blind, hero_vpip, hero_pfr yet: nothing to show');
  session.add(hand(2, { hero_result: 0.1, big_blind: 0.02, hero_vpip: true, hero_pfr: true }));
  session.add(hand(3, { hero_result: -0.02, big_blind: 0.02, hero_vpip: false, hero_pfr: false }));
  session.add(hand(4, { hero_result: 0.5, big_blind: 0.05, hero_vpip: true, hero_pfr: false }));
  session.add(hand(5, { hero_result: 40, big_blind: 20, hero_vpip: true, hero_pfr: null,
    tournament: { name: 'Expresso' }, currency: 'EUR' }));
  const eur = session.summary()[0];
  // Cash hands with a big blind: +5 bb, -1 bb, +10 bb over 3 hands; the tournament hand does not count.
  assert.ok(Math.abs(eur.bbPer100 - (100 * 14) / 3) < 1e-9, String(eur.bbPer100));
  assert.equal(eur.vpip, 75);
  assert.ok(Math.abs(eur.pfr - 100 / 3) < 1e-9);
});

/** A tournament_result with the fields the page reads; the others are not read. */
function result(eventId, fields = {}) {
  return { type: 'tournament_result', event_id: eventId, tournament_id: String(1000 + eventId), entry: 1,
    hero: 'Hero', name: 'Expresso',
    buy_in: { prize_pool: 4.5, rake: 0.5, bounty: null, currency: 'EUR', text: '4.50€ + 0.50€' },
    finish: 1, registered_players: 3, winnings: { cash: 12.5, tickets: [], bounties: null }, net: 12.5, ...fields };
}

test('a tournament result counts its net in the currency of its buy-in, once per entry', () => {
  const session = new Session();
  session.add(hand(1, { hero_result: 0.07 }));
  assert.equal(session.add(result(2)), true);
  assert.equal(session.add(result(2)), false, 'the same entry again');
  assert.equal(session.add(result(40, { tournament_id: '1002' })), false,
      'the same entry under another event_id (a journal that started over) is still the same');
  assert.equal(session.add(result(3, { entry: 2, net: -5 })), true, 'a re-entry is another result');
  const eur = session.summary()[0];
  assert.deepEqual([eur.hands, eur.results, eur.net], [1, 2, 7.57]);
  assert.deepEqual(session.chartData().data[1], [0, 0.07, 12.57, 7.57], 'results are points of the curve');
  assert.equal(session.lastHand().event_id, 1, 'the overlay\'s last hand is a hand');
});

test('a result without a euro amount is play money; one with neither unit nor net is only a row', () => {
  const session = new Session();
  const play = result(1, { buy_in: { prize_pool: 9.3, rake: 0.7, currency: null, text: '9.30 + 0.70' }, net: 10 });
  const unknown = result(2, { buy_in: null, net: null, winnings: null });
  assert.equal(currencyOf(play), 'PLAY');
  assert.equal(currencyOf(unknown), null);
  session.add(play);
  assert.equal(session.add(unknown), true);
  assert.deepEqual(session.summary().map((s) => [s.currency, s.results, s.net]), [['PLAY', 1, 10]]);
  assert.equal(session.events.length, 2);
});

test('the chart data is the running total per currency, from 0, on one x axis', () => {
  const session = new Session();
  session.add(hand(1, { hero_result: 0.07 }));
  session.add(hand(2, { hero_result: -0.02 }));
  session.add(hand(3, { currency: 'PLAY', hero_result: 5 }));
  session.add(hand(4, { hero_result: null }));
  session.add(hand(5, { hero_result: 0.07 }));
  assert.deepEqual(session.chartData(), {
    currencies: ['EUR', 'PLAY'],
    data: [[0, 1, 2, 3, 4], [0, 0.07, 0.05, 0.05, 0.12], [0, 0, 0, 5, 5]],
  });
});

test('filters: from and to the query string, and applied to messages as the server does', () => {
  const filters = filtersFromQuery(new URLSearchParams('overlay=1&game_type=NLH,PLO&kind=cash&hero_dealt=1&table='));
  assert.deepEqual(filters, { game_type: ['NLH', 'PLO'], kind: ['cash'], hero_dealt: true });
  assert.equal(filtersToQuery(filters, new URLSearchParams('overlay=1&table=x')).toString(),
      'overlay=1&game_type=NLH%2CPLO&kind=cash&hero_dealt=1');
  assert.equal(filtersFromQuery(new URLSearchParams('overlay=1')), null);
  assert.deepEqual(filtersFromQuery(new URLSearchParams('hero_dealt=false&types=tournament_result')),
      { types: ['tournament_result'], hero_dealt: false });
  assert.equal(describeFilters({ table: ['Paris'], game_type: ['NLH', 'PLO'], hero_dealt: true }),
      'Paris · NLH, PLO · hero dealt');
  assert.equal(sameFilters({ table: ['B', 'A'], hero_dealt: true }, { hero_dealt: true, table: ['A', 'B'] }), true);
  assert.equal(sameFilters({ table: ['A'] }, { table: ['A'], kind: ['cash'] }), false);

  assert.equal(matches(filters, hand(1)), true);
  assert.equal(matches(filters, hand(2, { game_type: 'STUD' })), false);
  assert.equal(matches(filters, hand(3, { tournament: { name: 'x' } })), false, 'kind: tournament');
  assert.equal(matches(filters, hand(4, { hero_result: null, hero_cards: [] })), false, 'hero not dealt in');
  assert.equal(matches({ kind: ['play_money'] }, hand(5, { currency: 'PLAY' })), true);
  assert.equal(matches({ kind: ['tournament'] }, hand(6, { currency: 'CHIPS' })), true);
  assert.equal(matches({ table: ['Paris'] }, hand(7)), false);
  assert.equal(matches({ table: ['Paris'] }, result(9)), false,
      'a result has no table: a table filter leaves it out, as on the server');
  assert.equal(matches({ kind: ['tournament'] }, result(10)), true);
  assert.equal(matches({ types: ['new_hand'] }, result(11)), false);
  assert.equal(matches({ hero_dealt: false }, hand(12, { hero_result: null })), true);
  assert.equal(matches(null, hand(13)), true);
});

test('GET /events is read page by page with the filters, until next_after reaches last_event_id', async () => {
  const pages = {
    0: { stream_id: 's', last_event_id: 9, events: [hand(3), hand(5)], next_after: 5 },
    // The filters kept nothing of what this request read: not the end yet.
    5: { stream_id: 's', last_event_id: 9, events: [], next_after: 7 },
    7: { stream_id: 's', last_event_id: 9, events: [hand(8)], next_after: 9 },
  };
  const asked = [];
  const seen = [];
  const position = await loadEvents({
    base: 'http://h:8000/?overlay=1', limit: 2, onEvents: (events) => seen.push(...events.map((e) => e.event_id)),
    filters: { table: ['Nice', 'Paris'], hero_dealt: true },
    fetch: async (url, init) => {
      asked.push([url, init.headers.Authorization]);
      const after = new URL(url).searchParams.get('after');
      return { ok: true, status: 200, json: async () => pages[after] };
    },
    token: 'jwt',
  });
  assert.deepEqual(position, { streamId: 's', lastEventId: 9 });
  assert.deepEqual(seen, [3, 5, 8]);
  assert.deepEqual(asked.map(([url]) => url), [0, 5, 7].map((after) =>
    `http://h:8000/events?after=${after}&limit=2&table=Nice%2CParis&hero_dealt=true`));
  assert.equal(asked[0][1], 'Bearer jwt');

  const empty = await loadEvents({ base: 'http://h/', onEvents: () => assert.fail('no events'),
    fetch: async () => ({ ok: true, json: async () => ({ stream_id: 't', last_event_id: 0, events: [],
      next_after: 0 }) }) });
  assert.deepEqual(empty, { streamId: 't', lastEventId: 0 }, 'an empty journal: replay everything from 0');

  const purged = await loadEvents({ base: 'http://h/', onEvents: () => assert.fail('no events'),
    fetch: async () => ({ ok: true, json: async () => ({ stream_id: 't', last_event_id: 50, events: [],
      next_after: 0, first_available_event_id: 51 }) }) });
  assert.deepEqual(purged, { streamId: 't', lastEventId: 50 }, 'nothing kept: live from the last id');

  await assert.rejects(loadEvents({ base: 'http://h/', onEvents() {}, fetch: async () => ({ ok: false, status: 401 }) }),
      (error) => error.status === 401 && error.reason === null);
});

test('a refused GET /events carries the server\'s reason, for the page to show', async () => {
  await assert.rejects(loadEvents({ base: 'http://h/', token: 'old', onEvents() {},
    fetch: async () => ({ ok: false, status: 401, json: async () => ({ error: 'Token expired' }) }) }),
  (error) => error.status === 401 && error.reason === 'Token expired'
      && error.message === 'http://h/events?after=0&limit=500 answered 401: Token expired');
});

test('formats: signed money per unit, classes by sign, cards with suits', () => {
  assert.equal(money(1.08, 'EUR'), '+1.08 €');
  assert.equal(money(-0.5, 'EUR'), '−0.50 €');
  assert.equal(money(0, 'EUR'), '0.00 €');
  assert.equal(money(1250, 'CHIPS'), '+1,250 chips');
  assert.equal(money(12.5, 'CHIPS'), '+12.5 chips');
  assert.equal(money(3, 'PLAY'), '+3.00 play');
  assert.equal(money(null, 'EUR'), '–');
  assert.deepEqual([signClass(1), signClass(-0.01), signClass(0), signClass(null)], ['pos', 'neg', 'zero', 'none']);
  assert.deepEqual(card('Td'), { rank: '10', suit: 'd', symbol: '♦' });
  assert.deepEqual(card('As'), { rank: 'A', suit: 's', symbol: '♠' });
  assert.equal(figure(null), '–');
  assert.equal(figure(33.333, 0, ' %'), '33 %');
  assert.equal(figure(-100, 1), '−100.0');
  assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal),
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th']);
  assert.equal(winningsText({ cash: 25.42, tickets: [], bounties: 18.86 }, 'EUR'), '25.42 € + bounty 18.86 €');
  assert.equal(winningsText({ cash: 0, tickets: ['Ticket 10€'], bounties: null }, 'EUR'), 'Ticket 10€');
  assert.equal(winningsText({ cash: 0, tickets: [], bounties: null }, 'EUR'), 'no prize');
  assert.equal(winningsText(null, 'EUR'), '–');
});
