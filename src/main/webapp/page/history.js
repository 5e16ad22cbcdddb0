// The session so far, from GET /events, page by page, before the live connection takes over from where it ended.
import { filterParams } from '../handfeed-client.js';

export class HttpError extends Error {
  /** {@code reason}: the server's own words, from its {"error": "..."} body (e.g. Token expired), or null. */
  constructor(status, url, reason = null) {
    super(`${url} answered ${status}${reason ? `: ${reason}` : ''}`);
    this.status = status;
    this.reason = reason;
  }
}

async function errorOf(response) {
  try {
    const body = await response.json();
    return typeof body?.error === 'string' ? body.error : null;
  } catch {
    return null;
  }
}

/**
 * Reads GET /events?after=N, with the page's filters as query parameters (the server filters; filters it cannot
 * be given that way are applied by the page), handing each page's events to onEvents, until next_after reaches
 * last_event_id. Resolves to where the live connection must resume: {streamId, lastEventId}. Rejects with
 * HttpError (401: a token is needed; 404: a server without the journal's HTTP API; 400: filters it refuses).
 */
export async function loadEvents({ fetch, base, token, filters = null, onEvents, limit = 500 }) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const filterQuery = filterParams(filters) ?? new URLSearchParams();
  let after = 0;
  let streamId = null;
  for (;;) {
    const query = new URLSearchParams({ after: String(after), limit: String(limit) });
    for (const [key, value] of filterQuery) query.set(key, value);
    const url = new URL(`events?${query}`, base).toString();
    const response = await fetch(url, { headers, cache: 'no-store' });
    if (!response.ok) throw new HttpError(response.status, url, await errorOf(response));
    const page = await response.json();
    streamId = page.stream_id ?? streamId;
    const events = Array.isArray(page.events) ? page.events : [];
    if (events.length) onEvents(events);
    // next_after is the last id the server read, also when its filters kept none of them.
    const next = Number.isInteger(page.next_after) ? page.next_after : events.at(-1)?.event_id ?? after;
    const last = Number.isInteger(page.last_event_id) ? page.last_event_id : next;
    if (next >= last) return { streamId, lastEventId: next };
    if (next <= after) {
      if (events.length) throw new Error(`${url}: next_after ${page.next_after} does not move forward`);
      // Nothing stored between here and the last id (purged meanwhile): there is nothing more to read.
      return { streamId, lastEventId: last };
    }
    after = next;
  }
}
