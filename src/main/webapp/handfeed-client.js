/*
 * handfeed client library: a WebSocket connection to handfeed that survives restarts and lost networks.
 *
 *   import { HandFeed } from '/handfeed-client.js';                  // as an ES module
 *   <script type="module" src="/handfeed-client.js"></script>        // or a plain tag: defines window.HandFeed
 *
 *   const feed = HandFeed.connect('ws://localhost:8000/ws', {
 *     clientName: 'overlay', lastEventId: 41, streamId: 'a1b2...',   // where to resume (both optional)
 *     filters: { game_type: ['NLH'], kind: ['cash'] },               // asked for on every connection
 *     onHand(hand) {}, onEvent(message) {}, onStatus(status) {}, onGap(gap) {}, onError(error) {},
 *     onSubscribed(message) {},                                      // the server's "subscribed": filters in force
 *     token: 'eyJ...',                                               // AUTH_MODE=jwt: a string, or a function
 *   });
 *   feed.subscribe({ hero_dealt: true });  feed.close();
 *
 * What it does for the application: reconnects with exponential backoff and full jitter (capped at 30 s),
 * resumes from the last event_id it saw, drops an event it already delivered, reconnects when nothing came for
 * 2.5 heartbeat intervals, reports a replay gap instead of hiding it, and asks for the same filters on every
 * connection (in its URL, so that the server filters the replay too). With a token, it offers it as a subprotocol
 * on every connection and sends it as a bearer header to /ws/stats; a token the server refuses (401 or 403 from
 * /ws/stats, a 4401 close) is reported to onError as kind 'auth' with the server's reason, and the application
 * decides: close() and ask for another, or let it retry (a token function may give a fresh one). No dependencies.
 * Every source of time and chance (setTimeout, clock, Math.random, WebSocket, fetch) can be passed in, which is how
 * it is tested.
 */

const DEFAULTS = Object.freeze({
  baseDelayMs: 1000,
  maxDelayMs: 30000,
  heartbeatInterval: 30,
  watchdogFactor: 2.5,
  statsTimeoutMs: 5000,
});

/** Close code the library uses when it gives up on a silent connection (4000-4999: application codes). */
const SILENT_CLOSE_CODE = 4000;

/** Close code of the server for a token that expired during the connection, or that it refused after the upgrade. */
const TOKEN_CLOSE_CODE = 4401;

/**
 * Full jitter: a random wait between 0 and min(cap, base * 2^attempt). Spreads the clients of a restarted server
 * over the whole window instead of bringing them back in waves.
 */
export function backoffDelay(attempt, random = Math.random, baseDelayMs = DEFAULTS.baseDelayMs,
                             maxDelayMs = DEFAULTS.maxDelayMs) {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/** The feed's ws:// or wss:// URL from what the application gave: ws URL, http URL, path, or nothing (this page). */
export function feedUrl(url, base = globalThis.location?.href) {
  const resolved = new URL(url ?? '/ws', base);
  if (resolved.protocol === 'http:') resolved.protocol = 'ws:';
  if (resolved.protocol === 'https:') resolved.protocol = 'wss:';
  if (resolved.protocol !== 'ws:' && resolved.protocol !== 'wss:') {
    throw new TypeError(`handfeed: not a WebSocket URL: ${url}`);
  }
  return resolved;
}

/** The filter keys of the server's subscriptions (docs/protocol.md, Subscriptions). */
export const FILTER_KEYS = Object.freeze(['game_type', 'stakes', 'kind', 'hero_dealt', 'table', 'types']);

/**
 * Filters as query parameters (lists comma-separated, hero_dealt true or false), or null when they cannot be
 * written that way: a value holding a comma, or something that is not a filter value. {} gives no parameter.
 */
export function filterParams(filters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (key === 'hero_dealt' && typeof value === 'boolean') {
      params.set(key, String(value));
    } else if (Array.isArray(value) && value.length > 0
        && value.every((v) => typeof v === 'string' && v !== '' && !v.includes(','))) {
      params.set(key, value.join(','));
    } else {
      return null;
    }
  }
  return params;
}

/**
 * The URL of one connection attempt: where to resume, who we are, the filters (the token goes in
 * {@link connectProtocols}).
 * Filters given here replace any the application wrote into the URL; null filters leave the URL's own.
 */
export function connectUrl(url, { clientName, lastEventId, streamId, token, filters } = {}) {
  const target = feedUrl(url);
  const query = target.searchParams;
  const asParams = filters == null ? null : filterParams(filters);
  if (asParams) {
    for (const key of FILTER_KEYS) query.delete(key);
    for (const [key, value] of asParams) query.set(key, value);
  }
  if (clientName) query.set('client_name', clientName);
  if (lastEventId != null) query.set('last_event_id', String(lastEventId));
  else query.delete('last_event_id');
  if (streamId) query.set('stream_id', streamId);
  else query.delete('stream_id');
  return target.toString();
}

/**
 * The subprotocols of one connection attempt. A browser cannot set headers on a WebSocket: the bearer token
 * travels as the subprotocol {@code bearer.<token>} beside {@code handfeed}, which the server selects (the
 * server never echoes the token, and unlike a query string it stays out of proxies' access logs).
 */
export function connectProtocols({ token } = {}) {
  return token ? ['handfeed', `bearer.${token}`] : undefined;
}

/** {@code GET /ws/stats} next to the feed: {@code ws://h/ws} gives {@code http://h/ws/stats}. */
export function statsUrl(url) {
  const target = feedUrl(url);
  target.protocol = target.protocol === 'wss:' ? 'https:' : 'http:';
  target.pathname = target.pathname.replace(/\/?$/, '/stats');
  target.search = '';
  return target.toString();
}

/** One logical connection: many sockets over its life, one position in the stream. */
class Connection {
  constructor(url, options = {}) {
    this.url = url;
    this.options = options;
    this.clientName = options.clientName ?? 'handfeed-client';
    this.filters = options.filters ?? null;
    this.lastEventId = options.lastEventId ?? null;
    this.streamId = options.streamId ?? null;
    this.heartbeatInterval = options.heartbeatInterval ?? DEFAULTS.heartbeatInterval;
    this.state = 'idle';
    this.attempt = 0;
    this.duplicatesDropped = 0;
    this.socket = null;
    this.retryTimer = null;
    this.watchdogTimer = null;
    this.closed = false;
    const timers = options.timers ?? globalThis;
    this.setTimeout = options.setTimeout ?? timers.setTimeout.bind(timers);
    this.clearTimeout = options.clearTimeout ?? timers.clearTimeout.bind(timers);
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.WebSocket = options.WebSocket ?? globalThis.WebSocket;
    this.fetch = options.fetch ?? globalThis.fetch?.bind(globalThis);
    if (typeof this.WebSocket !== 'function') {
      throw new TypeError('handfeed: no WebSocket implementation (pass options.WebSocket)');
    }
  }

  start() {
    this.attemptConnect();
    return this;
  }

  /**
   * Replaces the filters: sent now as "subscribe" when connected, and in the URL of every later connection.
   * {@code null} or {@code {}} asks for everything.
   */
  subscribe(filters) {
    this.filters = filters ?? {};
    this.send({ type: 'subscribe', filters: this.filters });
  }

  /** Stops for good: no reconnection, no more callbacks but the final "closed" status. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.clearTimeout(this.retryTimer);
    this.clearTimeout(this.watchdogTimer);
    const socket = this.socket;
    this.socket = null;
    if (socket) socket.close(1000, 'client closed');
    this.setState('closed', {});
  }

  /** Sends a message of the application's own (e.g. {@code {type: 'ping'}}); false when not connected. */
  send(message) {
    if (!this.socket || this.socket.readyState !== 1) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  async attemptConnect() {
    this.retryTimer = null;
    if (this.closed) return;
    this.setState('connecting', {});
    if (this.options.heartbeatInterval == null) await this.loadHeartbeatInterval();
    if (this.closed) return;
    let socket;
    try {
      const position = this.position();
      const protocols = connectProtocols(position);
      socket = protocols ? new this.WebSocket(connectUrl(this.url, position), protocols)
        : new this.WebSocket(connectUrl(this.url, position));
      this.resumingFrom = position.lastEventId;
    } catch (error) {
      this.report({ kind: 'connect', message: String(error?.message ?? error) });
      this.scheduleReconnect('could not open a connection');
      return;
    }
    this.socket = socket;
    this.armWatchdog(socket);
    socket.onopen = () => {
      // Filters the URL cannot carry go as a frame: the server applies them from then on, so events of a replay
      // that started before may not match them (filter on receipt too, as the live page does).
      if (socket === this.socket && this.filters && !filterParams(this.filters)) {
        this.send({ type: 'subscribe', filters: this.filters });
      }
    };
    socket.onmessage = (event) => {
      if (socket !== this.socket) return;
      this.armWatchdog(socket);
      this.receive(event.data);
    };
    socket.onclose = (event) => {
      if (socket !== this.socket) return;
      this.socket = null;
      this.clearTimeout(this.watchdogTimer);
      if (event?.code === TOKEN_CLOSE_CODE) {
        // The token expired (or was refused after the upgrade): retrying with the same one cannot work.
        const reason = event.reason || null;
        this.report({ kind: 'auth', code: event.code, reason, message: reason ?? 'the server wants a valid token',
          tokenSent: Boolean(this.position().token) });
      }
      const why = event?.code ? `closed with ${event.code}${event.reason ? ` (${event.reason})` : ''}` : 'closed';
      if (!this.closed) this.scheduleReconnect(why, event?.code);
    };
    socket.onerror = () => {
      // A close event always follows; reconnection starts there.
    };
  }

  /**
   * Where the next connection starts: after the last event delivered or, when none came yet, after the server's
   * last event at the previous acknowledgement, so that what happens while the connection is down is not lost.
   */
  position() {
    const lastEventId = this.lastEventId ?? this.ackedLastEventId ?? null;
    return {
      clientName: this.clientName,
      lastEventId,
      streamId: lastEventId == null ? null : this.streamId,
      token: typeof this.options.token === 'function' ? this.options.token() : this.options.token,
      filters: this.filters,
    };
  }

  /**
   * The server's heartbeat interval, from /ws/stats; the last known one when the server does not answer. A page
   * from another origin does not ask (/ws/stats allows no cross-origin reads): it passes heartbeatInterval.
   */
  async loadHeartbeatInterval() {
    if (!this.fetch) return;
    const here = globalThis.location?.origin;
    if (!this.options.fetch && here && here !== new URL(statsUrl(this.url)).origin) return;
    let timer;
    try {
      const token = this.position().token;
      const timeout = new Promise((_, reject) => {
        timer = this.setTimeout(() => reject(new Error('no answer')), DEFAULTS.statsTimeoutMs);
      });
      const response = await Promise.race([
        this.fetch(statsUrl(this.url), token ? { headers: { Authorization: `Bearer ${token}` } } : {}), timeout]);
      if (response.status === 401 || response.status === 403) {
        // The server says why in {"error": "..."} (Token expired, Invalid signature...): the user needs to know.
        const body = await response.json().catch(() => null);
        const reason = typeof body?.error === 'string' ? body.error : null;
        this.report({ kind: 'auth', status: response.status, reason,
          message: reason ?? 'the server wants a valid token', tokenSent: Boolean(token) });
        return;
      }
      if (!response.ok) return;
      const stats = await response.json();
      if (Number.isFinite(stats.heartbeat_interval) && stats.heartbeat_interval > 0) {
        this.heartbeatInterval = stats.heartbeat_interval;
      }
    } catch {
      // The server is down or unreachable: the connection attempt says so, with the interval known so far.
    } finally {
      this.clearTimeout(timer);
    }
  }

  /** A connection that stays silent for 2.5 heartbeats is dead, whatever TCP thinks: close it and start over. */
  armWatchdog(socket) {
    this.clearTimeout(this.watchdogTimer);
    const limitMs = this.heartbeatInterval * 1000 * (this.options.watchdogFactor ?? DEFAULTS.watchdogFactor);
    this.watchdogTimer = this.setTimeout(() => {
      if (socket !== this.socket) return;
      this.socket = null;
      try {
        socket.close(SILENT_CLOSE_CODE, 'no message from the server');
      } catch {
        // Already closing; it is dropped either way.
      }
      this.scheduleReconnect(`no message for ${limitMs / 1000} s`);
    }, limitMs);
  }

  scheduleReconnect(reason, code) {
    if (this.closed) return;
    const delay = backoffDelay(this.attempt, this.random,
        this.options.baseDelayMs ?? DEFAULTS.baseDelayMs, this.options.maxDelayMs ?? DEFAULTS.maxDelayMs);
    this.attempt += 1;
    this.setState('reconnecting', { reason, code, retryInMs: delay, retryAt: this.now() + delay });
    this.retryTimer = this.setTimeout(() => this.attemptConnect(), delay);
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      this.report({ kind: 'frame', message: 'a frame that is not JSON', data });
      return;
    }
    if (message === null || typeof message !== 'object') {
      this.report({ kind: 'frame', message: 'a frame that is not a JSON object', data });
      return;
    }
    switch (message.type) {
      case 'connection_ack':
        this.acknowledged(message);
        break;
      case 'replay_gap':
        this.gap(message);
        break;
      case 'replay_complete':
        // Every stored event up to to_event_id was considered, also those the filters held back: resume after it.
        if (Number.isInteger(message.to_event_id) && (this.lastEventId == null
            || message.to_event_id > this.lastEventId)) {
          this.lastEventId = message.to_event_id;
        }
        this.setState('live', { replayed: message.count ?? 0 });
        break;
      case 'subscribed':
        this.subscribed = message.filters ?? {};
        this.call('onSubscribed', message);
        break;
      case 'error':
        this.report({ kind: 'server', message: message.message, reply: message });
        break;
      default:
        if (typeof message.event_id === 'number' && !this.firstTime(message.event_id)) return;
    }
    this.call('onMessage', message);
    if (typeof message.event_id === 'number') {
      this.call('onEvent', message);
      if (message.type === 'new_hand') this.call('onHand', message);
    }
  }

  acknowledged(ack) {
    this.attempt = 0;
    const askedReplay = this.resumingFrom != null;
    if (typeof ack.stream_id === 'string') this.streamId = ack.stream_id;
    this.serverLastEventId = typeof ack.last_event_id === 'number' ? ack.last_event_id : null;
    // A live-only start: the position is the server's last event (a resume keeps the one it asked from).
    if (!askedReplay && typeof ack.stream_id === 'string' && this.serverLastEventId != null) {
      this.ackedLastEventId = this.serverLastEventId;
    }
    // A server that knows about resume says so with stream_id, and ends its replay with replay_complete.
    const catchingUp = askedReplay && typeof ack.stream_id === 'string';
    this.setState(catchingUp ? 'catching-up' : 'live', { clientId: ack.client_id });
  }

  gap(message) {
    // The position means nothing in a new journal (unknown_stream), or in one that never got that far
    // (future_event_id): take the server's numbering from where it can start, so that resume still works.
    if (message.reason === 'unknown_stream') {
      this.lastEventId = Math.max(0, (message.first_available_event_id ?? 1) - 1);
    } else if (message.reason === 'future_event_id') {
      this.lastEventId = this.serverLastEventId ?? Math.max(0, (message.first_available_event_id ?? 1) - 1);
    }
    this.call('onGap', message);
  }

  /** Dedupe by event_id: ids only grow within a stream, so anything at or below the last one was delivered. */
  firstTime(eventId) {
    if (this.lastEventId != null && eventId <= this.lastEventId) {
      this.duplicatesDropped += 1;
      return false;
    }
    this.lastEventId = eventId;
    return true;
  }

  setState(state, details) {
    this.state = state;
    this.call('onStatus', {
      state, attempt: this.attempt, lastEventId: this.lastEventId, streamId: this.streamId,
      heartbeatInterval: this.heartbeatInterval, at: this.now(), ...details,
    });
  }

  report(error) {
    if (!this.call('onError', error)) globalThis.console?.warn?.('handfeed:', error.message);
  }

  /** An application callback; its failure is reported, never allowed to break the connection. */
  call(name, argument) {
    const callback = this.options[name];
    if (typeof callback !== 'function') return false;
    try {
      callback(argument, this);
    } catch (error) {
      if (name !== 'onError') this.report({ kind: 'callback', message: `${name} threw: ${error?.message ?? error}` });
      else globalThis.console?.error?.('handfeed: onError threw', error);
    }
    return true;
  }
}

export const HandFeed = Object.freeze({
  /** Opens a connection that keeps itself alive until {@code close()}. See the top of this file. */
  connect(url, options) {
    return new Connection(url, options).start();
  },
  backoffDelay,
  connectUrl,
  filterParams,
  statsUrl,
  feedUrl,
  defaults: DEFAULTS,
});

export default HandFeed;

// A page that loads this file with <script type="module" src=...> and nothing else gets window.HandFeed.
if (globalThis.HandFeed === undefined) globalThis.HandFeed = HandFeed;
