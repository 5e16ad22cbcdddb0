package dev.handfeed.live;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.Filters;
import dev.handfeed.wire.Encoded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What reaches a client of the broadcast: its subscription, and where its replay meets its live feed. While a
 * replay runs, live messages are held; when it ends they follow the replay's last message, minus the events the
 * replay already sent. Since the journal commits an event before it is broadcast, and a replay reads until it finds
 * nothing newer, every event reaches the client exactly once and in order: by the replay, or by the live feed after
 * it. The filters change under the same lock, so every event is judged by the filters in force when it is sent:
 * none is lost or doubled around a {@code subscribe}.
 */
final class HandOff {

    private record Held(Encoded message, EventFacts facts) {
    }

    private final int capacity;
    private List<Held> held;         // non-null while a replay runs
    private long lastEventId;        // the newest event sent to this client
    private Filters filters = Filters.NONE;

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

    synchronized Filters filters() {
        return filters;
    }

    /** Replaces the filters and sends the answer saying so, in order with the events around it. */
    synchronized boolean subscribe(Filters replacement, String answer, Predicate<String> sendText) {
        filters = replacement;
        return sendText.test(answer);
    }

    /**
     * A live message ({@code facts} null when it is not an event): held during a replay, skipped when it is an
     * event already sent or one the filters refuse; false when no room is left.
     */
    synchronized boolean live(Encoded message, EventFacts facts, Predicate<Encoded> send) {
        if (held != null) {
            if (held.size() >= capacity) {
                return false;
            }
            held.add(new Held(message, facts));
            return true;
        }
        return forward(message, facts, send);
    }

    /**
     * The replay is about to read the journal again: every event held so far was committed before this read, so the
     * replay itself will send it (through the same filters), and holding it longer would only fill the client's
     * buffer while a long replay runs beside a busy live feed. Other messages (heartbeats) stay held.
     */
    synchronized void replayReading() {
        if (held != null) {
            held.removeIf(message -> message.message().eventId() != 0);
        }
    }

    /** An event the replay sent. */
    synchronized void replayed(long eventId) {
        lastEventId = Math.max(lastEventId, eventId);
    }

    /**
     * Ends the replay: its closing message (none when {@code closing} is null: a connection that held its live
     * messages only until its acknowledgement was queued), then what was held (newer events only), then live again.
     */
    synchronized boolean release(String closing, Predicate<String> sendText, Predicate<Encoded> send) {
        List<Held> waiting = held == null ? List.of() : held;
        held = null;
        if (closing != null && !sendText.test(closing)) {
            return false;
        }
        for (Held message : waiting) {
            if (!forward(message.message(), message.facts(), send)) {
                return false;
            }
        }
        return true;
    }

    private boolean forward(Encoded message, EventFacts facts, Predicate<Encoded> send) {
        long id = message.eventId();
        if (id != 0) {
            if (id <= lastEventId || (facts != null && !filters.matches(facts))) {
                return true;
            }
            lastEventId = id;
        }
        return send.test(message);
    }
}
