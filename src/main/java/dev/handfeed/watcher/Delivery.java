package dev.handfeed.watcher;

import dev.handfeed.wire.NewHand;

/** A new hand, numbered and recorded, with the exact text that goes on the wire (and into the journal). */
public record Delivery(NewHand message, String json) {
}
