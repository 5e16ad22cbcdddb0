package dev.handfeed.live;

import dev.handfeed.wire.Encoded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a client's replay meets its live feed. While a replay runs, live messages are held; when it ends they
 * follow the replay's last message, minus the events the replay already sent. Since the journal commits an event
 * before it is broadcast, and a replay reads until it finds nothing newer, every event reaches the client exactly
 * once and in order: by the replay, or by the live feed after it.
 */
final class HandOff {

    private final int capacity;
    private List<Encoded> held;      // non-null while a replay runs
    private long lastEventId;        // the newest event sent to this client

    HandOff(int capacity) {
        this.capacity = capacity;
    }

    /** Starts holding live messages. */
    synchronized void hold() {
        if (held == null) {
            held = new ArrayList<>();
        }
    }

    synchronized boolean holding() {
        return held != null;
    }

    /** A live message: held during a replay, skipped when it is an event already sent; false when no room is left. */
    synchronized boolean live(Encoded message, Predicate<Encoded> send) {
        if (held != null) {
            if (held.size() >= capacity) {
                return false;
            }
            held.add(message);
            return true;
        }
        return forward(message, send);
    }

    /** An event the replay sent. */
    synchronized void replayed(long eventId) {
        lastEventId = Math.max(lastEventId, eventId);
    }

    /** Ends the replay: its closing message, then what was held (newer events only), then live again. */
    synchronized boolean release(String closing, Predicate<String> sendText, Predicate<Encoded> send) {
        List<Encoded> waiting = held == null ? List.of() : held;
        held = null;
        if (!sendText.test(closing)) {
            return false;
        }
        for (Encoded message : waiting) {
            if (!forward(message, send)) {
                return false;
            }
        }
        return true;
    }

    private boolean forward(Encoded message, Predicate<Encoded> send) {
        long id = message.eventId();
        if (id != 0) {
            if (id <= lastEventId) {
                return true;
            }
            lastEventId = id;
        }
        return send.test(message);
    }
}
