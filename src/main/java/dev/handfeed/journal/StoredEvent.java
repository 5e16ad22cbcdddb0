package dev.handfeed.journal;

/** An event as the journal keeps it: its id, its message type and the JSON text exactly as it was first sent. */
public record StoredEvent(long eventId, String type, String payload) {
}
