// Time and sockets under the test's control: a test moves the clock and plays the server, nothing sleeps.

/** A clock and timers that only move when the test says so. */
export class FakeClock {
  constructor(start = 1_000_000) {
    this.time = start;
    this.timers = new Map();
    this.nextId = 1;
    this.now = () => this.time;
    this.setTimeout = (fn, ms = 0) => {
      const id = this.nextId++;
      this.timers.set(id, { fn, at: this.time + Math.max(0, ms) });
      return id;
    };
    this.clearTimeout = (id) => {
      this.timers.delete(id);
    };
  }

  /** Moves the clock, running every timer that falls due on the way, in order. */
  advance(ms) {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      const [id, timer] = due;
      this.timers.delete(id);
      this.time = timer.at;
      timer.fn();
    }
    this.time = until;
  }

  /** The delay of the one pending timer due soonest, or undefined. */
  nextDelay() {
    const ats = [...this.timers.values()].map((t) => t.at - this.time);
    return ats.length ? Math.min(...ats) : undefined;
  }
}

/** A WebSocket class that records its instances; the test opens, feeds and closes them as the server would. */
export function fakeWebSocketClass() {
  const sockets = [];
  class FakeWebSocket {
    constructor(url, protocols) {
      this.url = new URL(url);
      this.protocols = protocols;
      this.readyState = 0;
      this.sent = [];
      this.closedWith = null;
      sockets.push(this);
    }

    send(text) {
      if (this.readyState !== 1) throw new Error('not open');
      this.sent.push(JSON.parse(text));
    }

    close(code = 1000, reason = '') {
      this.closedWith = { code, reason };
      this.readyState = 3;
    }

    // The server's side.
    open() {
      this.readyState = 1;
      this.onopen?.({});
    }

    deliver(message) {
      this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
    }

    drop(code = 1006, reason = '') {
      this.readyState = 3;
      this.onclose?.({ code, reason });
    }
  }
  return { FakeWebSocket, sockets, last: () => sockets[sockets.length - 1] };
}

let nextHand = 1;

/** A new_hand as the server sends it (the fields the page uses; others are ignored by clients anyway). */
export function hand(eventId, fields = {}) {
  const n = nextHand++;
  return {
    type: 'new_hand', event_id: eventId, hand_id: `9401942-${n}-${1483850712 + n}`,
    timestamp: '2017-01-08T04:50:12.000Z', hero_result: 0.07, hero_position: 'CO', game_type: 'NLH',
    stakes: '0.01/0.02', currency: 'EUR', table: 'Nice', tournament: null, hero_cards: ['Qd', 'Qh'],
    board: ['Ah', '7c', '2d'], players_dealt: 4, ...fields,
  };
}

export function ack(fields = {}) {
  return { type: 'connection_ack', client_id: 'c-1', client_name: 'test', timestamp: '2024-01-01T12:00:00.000Z',
    ...fields };
}
