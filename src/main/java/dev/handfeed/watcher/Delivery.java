package dev.handfeed.watcher;

import dev.handfeed.wire.Event;

/**
 * A new event (a hand, a tournament result), numbered and recorded, with the exact text that goes on the wire (and
 * into the journal), and when the watcher saw the change it came from ({@code System.nanoTime()}): delivery latency
 * is measured from there.
 */
public record Delivery(Event message, String json, long seenNanos) {
}
