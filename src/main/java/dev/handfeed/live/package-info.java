/**
 * The live feed: the {@code /ws} WebSocket endpoint, the registry of connected clients, and the broadcaster that
 * fans every event out to them without letting one slow client hold up the others.
 */
package dev.handfeed.live;
