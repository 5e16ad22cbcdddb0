/**
 * Subscriptions: which events a client wants. A client's filters are one immutable value, replaced whole by
 * {@code subscribe}; an event's facts are read once per event, so matching many clients costs a few set lookups
 * each. The same filters apply to the live feed, to replays and to {@code GET /events}.
 */
package dev.handfeed.filters;
