import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HandFeed, backoffDelay, connectProtocols, connectUrl, statsUrl } from '../../main/webapp/handfeed-client.js';
import { FakeClock, fakeWebSocketClass, hand, ack } from './fakes.mjs';

/** A connection on fake time and fake sockets, recording every callback. */
function harness(options = {}) {
  const clock = new FakeClock();
  const ws = fakeWebSocketClass();
  const seen = { hands: [], events: [], statuses: [], gaps: [], errors: [], messages: [] };
  const connection = HandFeed.connect('ws://127.0.0.1:8000/ws', {
    clientName: 'test', heartbeatInterval: 30, random: () => 0.5,
    WebSocket: ws.FakeWebSocket, setTimeout: clock.setTimeout, clearTimeout: clock.clearTimeout, now: clock.now,
    onHand: (h) => seen.hands.push(h.event_id),
    onEvent: (e) => seen.events.push(e.event_id),
    onStatus: (s) => seen.statuses.push(s),
    onGap: (g) => seen.gaps.push(g),
    onError: (e) => seen.errors.push(e),
    onMessage: (m) => seen.messages.push(m.type),
    ...options,
  });
  return { clock, ws, seen, connection };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('backoff is full jitter: a random share of min(30 s, 1 s * 2^attempt)', () => {
  const ceilings = [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000];
  ceilings.forEach((ceiling, attempt) => {
    assert.equal(backoffDelay(attempt, () => 0), 0, 'full jitter may retry at once');
    assert.equal(backoffDelay(attempt, () => 0.5), ceiling / 2);
    assert.equal(backoffDelay(attempt, () => 0.999999), ceiling - 1, 'never more than the ceiling');
  });
  assert.equal(backoffDelay(1000, () => 0.999999), 29999, 'a huge attempt count stays capped');
  assert.equal(backoffDelay(3, () => 0.5, 100, 500), 250, 'base and cap are options');
});

test('a server that keeps refusing is retried after growing random delays, and an ack resets them', () => {
  const randoms = [0.25, 0.9, 0.5, 0.1, 0.75, 1 - 1e-9, 0.5];
  let draw = 0;
  const { clock, ws, seen } = harness({ random: () => randoms[draw++] });
  const delays = [];
  for (let i = 0; i < 6; i++) {
    ws.last().drop(1006);
    delays.push(seen.statuses.at(-1).retryInMs);
    assert.equal(seen.statuses.at(-1).state, 'reconnecting');
    assert.equal(clock.nextDelay(), delays.at(-1), 'the retry timer is the delay reported');
    clock.advance(delays.at(-1) - 1);
    assert.equal(ws.sockets.length, i + 1, 'no attempt before the delay is over');
    clock.advance(1);
    assert.equal(ws.sockets.length, i + 2, 'one new attempt when it is over');
  }
  assert.deepEqual(delays, [250, 1800, 2000, 800, 12000, 29999]);

  ws.last().open();
  ws.last().deliver(ack());
  ws.last().drop(1001);
  assert.equal(seen.statuses.at(-1).retryInMs, 500, 'after a successful connection the window is 1 s again');
});

test('each attempt asks to resume after the last event seen, in the same stream', () => {
  const { clock, ws } = harness({ lastEventId: 41, streamId: 'stream-a' });
  const first = ws.last().url;
  assert.equal(first.pathname, '/ws');
  assert.equal(first.searchParams.get('client_name'), 'test');
  assert.equal(first.searchParams.get('last_event_id'), '41');
  assert.equal(first.searchParams.get('stream_id'), 'stream-a');

  ws.last().open();
  ws.last().deliver(ack({ stream_id: 'stream-a', last_event_id: 44 }));
  ws.last().deliver(hand(42));
  ws.last().deliver(hand(44));
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  const second = ws.last().url;
  assert.equal(second.searchParams.get('last_event_id'), '44');
  assert.equal(second.searchParams.get('stream_id'), 'stream-a');
});

test('a fresh start sends no position; the URLs keep what the application put in them', () => {
  const { ws } = harness();
  assert.equal(ws.last().url.searchParams.has('last_event_id'), false, 'no position: live from now');
  assert.equal(ws.last().url.searchParams.has('stream_id'), false);

  assert.equal(connectUrl('http://h:8000/ws?x=1', { clientName: 'a b', lastEventId: 0, streamId: 's', token: 't' }),
      'ws://h:8000/ws?x=1&client_name=a+b&last_event_id=0&stream_id=s');
  assert.deepEqual(connectProtocols({ token: 't.k.n' }), ['handfeed', 'bearer.t.k.n'],
      'a browser passes its token as a subprotocol, never in the URL');
  assert.equal(connectProtocols({}), undefined);
  assert.equal(connectUrl('https://h/feed/ws'), 'wss://h/feed/ws');
  assert.equal(statsUrl('wss://h:1/ws?client_name=x'), 'https://h:1/ws/stats');
  assert.throws(() => connectUrl('ftp://h/ws'), /not a WebSocket URL/);
});

test('an event already delivered is dropped, also when a replay repeats it after a reconnect', () => {
  const { clock, ws, seen, connection } = harness();
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 0 }));
  for (const id of [5, 6, 6, 5, 7]) ws.last().deliver(hand(id));
  assert.deepEqual(seen.hands, [5, 6, 7]);
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 9 }));
  for (const id of [7, 8, 9]) ws.last().deliver(hand(id));
  ws.last().deliver({ type: 'replay_complete', from_event_id: 8, to_event_id: 9, count: 2 });
  ws.last().deliver(hand(9));
  ws.last().deliver({ type: 'tournament_result', event_id: 10, net: 12.5, buy_in: { currency: 'EUR' } });
  assert.deepEqual(seen.hands, [5, 6, 7, 8, 9]);
  assert.deepEqual(seen.events, [5, 6, 7, 8, 9, 10], 'every message with an event_id goes to onEvent');
  assert.equal(connection.duplicatesDropped, 4);
  assert.equal(connection.lastEventId, 10);
});

test('silence for 2.5 heartbeats closes the connection and reconnects; any message resets the watch', () => {
  const { clock, ws, seen } = harness({ heartbeatInterval: 2 });
  const socket = ws.last();
  socket.open();
  socket.deliver(ack());
  clock.advance(4999);
  socket.deliver({ type: 'heartbeat', timestamp: 'x' });
  clock.advance(4999);
  assert.equal(socket.closedWith, null, 'a message within 5 s keeps it open');
  assert.equal(ws.sockets.length, 1);
  clock.advance(1);
  assert.equal(socket.closedWith.code, 4000, 'closed by the client after 5 s of silence');
  const status = seen.statuses.at(-1);
  assert.equal(status.state, 'reconnecting');
  assert.match(status.reason, /no message for 5 s/);
  socket.drop(4000);
  assert.equal(seen.statuses.filter((s) => s.state === 'reconnecting').length, 1,
      'the late close event of the abandoned socket changes nothing');
  clock.advance(clock.nextDelay());
  assert.equal(ws.sockets.length, 2);
});

test('a connection attempt that hangs is given up by the same watch', () => {
  const { clock, ws } = harness({ heartbeatInterval: 1 });
  clock.advance(2500);
  assert.equal(ws.sockets[0].closedWith.code, 4000);
  clock.advance(clock.nextDelay());
  assert.equal(ws.sockets.length, 2);
});

test('the heartbeat interval comes from /ws/stats unless given; a failed lookup keeps the last one', async () => {
  let answer = () => ({ ok: true, status: 200, json: async () => ({ heartbeat_interval: 4 }) });
  const asked = [];
  const { clock, ws } = harness({
    heartbeatInterval: undefined,
    fetch: async (url) => {
      asked.push(url);
      return answer();
    },
  });
  await flush();
  assert.deepEqual(asked, ['http://127.0.0.1:8000/ws/stats']);
  ws.last().open();
  clock.advance(9999);
  assert.equal(ws.last().closedWith, null);
  clock.advance(1);
  assert.equal(ws.last().closedWith.code, 4000, '2.5 x 4 s');

  answer = () => {
    throw new TypeError('Failed to fetch');
  };
  clock.advance(clock.nextDelay());
  await flush();
  assert.equal(ws.sockets.length, 2, 'the server not answering /ws/stats does not stop the attempt');
  clock.advance(10000);
  assert.equal(ws.last().closedWith.code, 4000, 'still 2.5 x 4 s');
});

test('a replay gap is reported; unknown_stream starts a new position, retention keeps it', () => {
  const { clock, ws, seen, connection } = harness({ lastEventId: 10, streamId: 'old' });
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 'new', last_event_id: 3 }));
  const gap = { type: 'replay_gap', reason: 'unknown_stream', requested_event_id: 10, first_available_event_id: 1 };
  ws.last().deliver(gap);
  assert.deepEqual(seen.gaps, [gap]);
  for (const id of [1, 2, 3]) ws.last().deliver(hand(id));
  assert.deepEqual(seen.hands, [1, 2, 3], 'the new journal\'s events are not taken for duplicates');
  assert.equal(connection.streamId, 'new');

  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  assert.equal(ws.last().url.searchParams.get('stream_id'), 'new');
  assert.equal(ws.last().url.searchParams.get('last_event_id'), '3');
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 'new', last_event_id: 30 }));
  ws.last().deliver({ type: 'replay_gap', reason: 'retention', requested_event_id: 3, first_available_event_id: 20 });
  ws.last().deliver(hand(20));
  assert.equal(seen.gaps.length, 2);
  assert.deepEqual(seen.hands, [1, 2, 3, 20]);
});

test('future_event_id takes the server\'s last event as the position', () => {
  const { ws, seen } = harness({ lastEventId: 500, streamId: 's' });
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 12 }));
  ws.last().deliver({ type: 'replay_gap', reason: 'future_event_id', requested_event_id: 500,
    first_available_event_id: 1 });
  ws.last().deliver({ type: 'replay_complete', from_event_id: 13, to_event_id: 12, count: 0 });
  ws.last().deliver(hand(13));
  assert.deepEqual(seen.hands, [13]);
});

test('status: catching up while the server replays, live after replay_complete', () => {
  const { ws, seen } = harness({ lastEventId: 3, streamId: 's' });
  assert.equal(seen.statuses.at(-1).state, 'connecting');
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 5 }));
  assert.equal(seen.statuses.at(-1).state, 'catching-up');
  ws.last().deliver(hand(4));
  ws.last().deliver(hand(5));
  ws.last().deliver({ type: 'replay_complete', from_event_id: 4, to_event_id: 5, count: 2 });
  assert.equal(seen.statuses.at(-1).state, 'live');
  assert.equal(seen.statuses.at(-1).replayed, 2);
});

test('a server without resume (no stream_id in the ack) is live at once', () => {
  const { ws, seen } = harness({ lastEventId: 3 });
  ws.last().open();
  ws.last().deliver(ack());
  assert.equal(seen.statuses.at(-1).state, 'live');
});

test('filters go in the URL of every connection, before any replay; subscribe() changes them', () => {
  const subscribed = [];
  const { clock, ws, seen, connection } = harness({ filters: { game_type: ['NLH', 'PLO'], hero_dealt: true },
    lastEventId: 3, streamId: 's', onSubscribed: (m) => subscribed.push(m.filters) });
  const query = ws.last().url.searchParams;
  assert.equal(query.get('game_type'), 'NLH,PLO');
  assert.equal(query.get('hero_dealt'), 'true');
  assert.equal(query.get('last_event_id'), '3', 'the replay the URL asks for is filtered by the server');
  ws.last().open();
  assert.deepEqual(ws.last().sent, [], 'nothing to send: the URL said it all');
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 9 }));
  ws.last().deliver({ type: 'subscribed', filters: { game_type: ['NLH', 'PLO'], hero_dealt: true } });
  assert.deepEqual(subscribed, [{ game_type: ['NLH', 'PLO'], hero_dealt: true }]);
  assert.deepEqual(connection.subscribed, { game_type: ['NLH', 'PLO'], hero_dealt: true });

  connection.subscribe({ kind: ['cash'] });
  assert.deepEqual(ws.last().sent, [{ type: 'subscribe', filters: { kind: ['cash'] } }], 'sent at once');
  ws.last().deliver({ type: 'error', message: "Unknown filter 'x'" });
  assert.equal(seen.errors.length, 1);
  assert.equal(seen.errors[0].kind, 'server');
  ws.last().deliver(hand(4));
  assert.deepEqual(seen.hands, [4], 'the connection goes on after an error reply');
  assert.equal(ws.last().closedWith, null);

  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  const again = ws.last().url.searchParams;
  assert.equal(again.get('kind'), 'cash', 'the current filters again after a reconnect');
  assert.equal(again.has('game_type'), false, 'and only those');
  assert.equal(again.get('last_event_id'), '4');
  connection.subscribe(null);
  assert.deepEqual(ws.last().sent, [], 'not connected: nothing sent now');
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  assert.equal(ws.last().url.searchParams.has('kind'), false, 'cleared: everything, also the next time');
});

test('filters the URL cannot carry (a comma in a value) go as a subscribe frame once open', () => {
  const { ws } = harness({ filters: { table: ['Nice, 2'] } });
  assert.equal(ws.last().url.searchParams.has('table'), false);
  ws.last().open();
  assert.deepEqual(ws.last().sent, [{ type: 'subscribe', filters: { table: ['Nice, 2'] } }]);
  assert.equal(connectUrl('ws://h/ws?table=A', { filters: { table: ['B', 'C'] } }), 'ws://h/ws?table=B%2CC',
      'filters given replace the URL\'s own');
  assert.equal(connectUrl('ws://h/ws?table=A', { filters: null }), 'ws://h/ws?table=A');
});

test('no filters, no subscribe message: the server sees the plain client of the original design', () => {
  const { ws } = harness();
  ws.last().open();
  ws.last().deliver(ack());
  assert.deepEqual(ws.last().sent, []);
  assert.deepEqual([...ws.last().url.searchParams.keys()], ['client_name']);
});

test('after a filtered replay the position is its end, though the last events did not pass the filters', () => {
  const { clock, ws, seen } = harness({ lastEventId: 10, streamId: 's', filters: { table: ['Paris'] } });
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 30 }));
  ws.last().deliver(hand(12, { table: 'Paris' }));
  ws.last().deliver({ type: 'replay_complete', from_event_id: 11, to_event_id: 30, count: 1 });
  assert.equal(seen.statuses.at(-1).lastEventId, 30);
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  assert.equal(ws.last().url.searchParams.get('last_event_id'), '30', 'events 13 to 30 are not read again');
});

test('a live-only start resumes from the server\'s last event at the ack when no event came before the drop', () => {
  const { clock, ws, seen } = harness();
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 17 }));
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  assert.equal(ws.last().url.searchParams.get('last_event_id'), '17', 'what happens while down is not lost');
  assert.equal(ws.last().url.searchParams.get('stream_id'), 's');
  ws.last().open();
  ws.last().deliver(ack({ stream_id: 's', last_event_id: 20 }));
  assert.equal(seen.statuses.at(-1).state, 'catching-up');
  ws.last().drop(1006);
  clock.advance(clock.nextDelay());
  assert.equal(ws.last().url.searchParams.get('last_event_id'), '17',
      'a replay cut short before its first event resumes from where it was asked');
});

test('bad frames and failing callbacks are reported, and the connection goes on', () => {
  let calls = 0;
  const { ws, seen } = harness({
    onHand: () => {
      calls += 1;
      throw new Error('application bug');
    },
  });
  ws.last().open();
  ws.last().deliver('not json');
  ws.last().deliver('42');
  ws.last().deliver(hand(1));
  ws.last().deliver(hand(2));
  assert.equal(calls, 2);
  assert.deepEqual(seen.errors.map((e) => e.kind), ['frame', 'frame', 'callback', 'callback']);
  assert.equal(ws.last().closedWith, null);
});

test('close() stops for good: no reconnection, no watchdog', () => {
  const { clock, ws, seen, connection } = harness();
  ws.last().open();
  ws.last().deliver(ack());
  connection.close();
  assert.equal(ws.last().closedWith.code, 1000);
  ws.last().drop(1000);
  clock.advance(600_000);
  assert.equal(ws.sockets.length, 1);
  assert.equal(seen.statuses.at(-1).state, 'closed');
});

test('close() while waiting to retry cancels the retry', () => {
  const { clock, ws, connection } = harness();
  ws.last().drop(1006);
  connection.close();
  clock.advance(600_000);
  assert.equal(ws.sockets.length, 1);
});

test('loaded as a module it also defines globalThis.HandFeed, for plain script tags', () => {
  assert.equal(globalThis.HandFeed, HandFeed);
});

test('with a token every connection offers it as a subprotocol and keeps it out of the URL', () => {
  const { ws } = harness({ token: 'hdr.pay.sig' });
  assert.deepEqual(ws.last().protocols, ['handfeed', 'bearer.hdr.pay.sig']);
  assert.equal(ws.last().url.searchParams.has('access_token'), false);
});

test('/ws/stats gets the token as a bearer header; a refusal is an auth error with the server\'s reason', async () => {
  const asked = [];
  const { ws, seen } = harness({
    token: 'hdr.pay.sig',
    heartbeatInterval: undefined,
    fetch: async (url, init) => {
      asked.push(init?.headers?.Authorization);
      return { ok: false, status: 401, json: async () => ({ error: 'Token expired' }) };
    },
  });
  await flush();
  assert.deepEqual(asked, ['Bearer hdr.pay.sig']);
  assert.deepEqual(seen.errors, [{ kind: 'auth', status: 401, reason: 'Token expired', message: 'Token expired',
    tokenSent: true }]);
  assert.equal(ws.sockets.length, 1, 'the application decides: without close() the attempt goes on');
});

test('a refusal without a readable reason still says the server wants a valid token', async () => {
  const { seen } = harness({
    heartbeatInterval: undefined,
    fetch: async () => ({ ok: false, status: 401, json: async () => { throw new SyntaxError('not JSON'); } }),
  });
  await flush();
  assert.deepEqual(seen.errors, [{ kind: 'auth', status: 401, reason: null,
    message: 'the server wants a valid token', tokenSent: false }]);
});

test('closing in onError on an auth refusal stops before any socket is opened', async () => {
  const { ws, seen } = harness({
    token: 'bad',
    heartbeatInterval: undefined,
    fetch: async () => ({ ok: false, status: 401, json: async () => ({ error: 'Invalid signature' }) }),
    onError: (error, connection) => {
      seen.errors.push(error);
      connection.close();
    },
  });
  await flush();
  assert.equal(ws.sockets.length, 0);
  assert.equal(seen.statuses.at(-1).state, 'closed');
  assert.equal(seen.errors[0].reason, 'Invalid signature');
});

test('a 4401 close (the token expired) is an auth error; the application may close, else it retries', () => {
  const closing = harness({
    token: 'short.lived.token',
    onError: (error, connection) => {
      closing.seen.errors.push(error);
      if (error.kind === 'auth') connection.close();
    },
  });
  const { clock, ws, seen } = closing;
  ws.last().open();
  ws.last().deliver(ack());
  ws.last().deliver({ type: 'error', message: 'Token expired: connect again with a new token' });
  ws.last().drop(4401, 'Token expired');
  assert.deepEqual(seen.errors.map((e) => e.kind), ['server', 'auth']);
  assert.deepEqual(seen.errors[1], { kind: 'auth', code: 4401, reason: 'Token expired', message: 'Token expired',
    tokenSent: true });
  clock.advance(600_000);
  assert.equal(ws.sockets.length, 1, 'closed: no retry with a token the server refuses');
  assert.equal(seen.statuses.at(-1).state, 'closed');

  const retrying = harness({ token: () => 'fresh.token.each-time' });
  retrying.ws.last().open();
  retrying.ws.last().drop(4401, '');
  assert.equal(retrying.seen.errors[0].message, 'the server wants a valid token');
  assert.equal(retrying.seen.statuses.at(-1).state, 'reconnecting');
  retrying.clock.advance(retrying.clock.nextDelay());
  assert.equal(retrying.ws.sockets.length, 2);
  assert.deepEqual(retrying.ws.last().protocols, ['handfeed', 'bearer.fresh.token.each-time']);
});
