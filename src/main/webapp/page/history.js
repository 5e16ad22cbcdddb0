// The session so far, from GET /events, page by page, before the live connection takes over from the last id.

export class HttpError extends Error {
  constructor(status, url) {
    super(`${url} answered ${status}`);
    this.status = status;
  }
}

/**
 * Reads GET /events?after=N until a page comes back empty, handing each page's events to onEvents. Resolves to
 * where the live connection must resume: {streamId, lastEventId}. Rejects with HttpError (401: a token is needed;
 * 404: a server without the journal's HTTP API).
 */
export async function loadEvents({ fetch, base, token, onEvents, limit = 500 }) {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  let after = 0;
  let streamId = null;
  let lastEventId = null;
  for (;;) {
    const url = new URL(`events?after=${after}&limit=${limit}`, base).toString();
    const response = await fetch(url, { headers, cache: 'no-store' });
    if (!response.ok) throw new HttpError(response.status, url);
    const page = await response.json();
    streamId = page.stream_id ?? streamId;
    const events = Array.isArray(page.events) ? page.events : [];
    if (events.length === 0) {
      // Nothing stored yet: resume after what the server says is its last event, or from the start.
      return { streamId, lastEventId: lastEventId ?? page.last_event_id ?? 0 };
    }
    onEvents(events);
    lastEventId = events[events.length - 1].event_id;
    const next = page.next_after ?? lastEventId;
    if (!(next > after)) {
      throw new Error(`${url}: next_after ${page.next_after} does not move forward`);
    }
    after = next;
  }
}
