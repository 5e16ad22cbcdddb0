package dev.handfeed.watcher;

import dev.handfeed.wire.Event;

/** A new event (a hand, a tournament result), numbered and recorded, with the exact text that goes on the wire. */
public record Delivery(Event message, String json) {
}
