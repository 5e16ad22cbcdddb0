package dev.handfeed.wire;

/**
 * A message and its JSON text, written once: the broadcast path hands the same text to every client and keeps the
 * typed message beside it for what must look at its fields.
 */
public record Encoded(WireMessage message, String json) {

    /** The event id of an {@link Event}, 0 for everything else (ids start at 1). */
    public long eventId() {
        return message instanceof Event event ? event.eventId() : 0;
    }
}
