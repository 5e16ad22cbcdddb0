package dev.handfeed.watcher;

import dev.handfeed.wire.NewHand;

/**
 * A new hand, numbered and recorded, with the exact text that goes on the wire (and into the journal), and when
 * the watcher saw the change it came from ({@code System.nanoTime()}): delivery latency is measured from there.
 */
public record Delivery(NewHand message, String json, long seenNanos) {
}
