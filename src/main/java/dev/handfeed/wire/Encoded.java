package dev.handfeed.wire;

/**
 * A message and its JSON text, written once: the broadcast path hands the same text to every client and keeps the
 * typed message beside it for what must look at its fields. {@code seenNanos} is when the watcher saw the file
 * change the message came from ({@code System.nanoTime()}), 0 for a message that did not come from a file: the
 * delivery latency of a hand is measured from it. {@code frame} keeps the text's WebSocket frame once built.
 */
public record Encoded(WireMessage message, String json, long seenNanos, TextFrame frame) {

    public Encoded(WireMessage message, String json, long seenNanos) {
        this(message, json, seenNanos, new TextFrame());
    }

    public Encoded(WireMessage message, String json) {
        this(message, json, 0);
    }

    /** The event id of an {@link Event}, 0 for everything else (ids start at 1). */
    public long eventId() {
        return message instanceof Event event ? event.eventId() : 0;
    }

    /** The JSON text as one WebSocket text frame, the same bytes for every client. */
    public byte[] textFrame() {
        return frame.of(json);
    }
}
