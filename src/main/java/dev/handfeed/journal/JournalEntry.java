package dev.handfeed.journal;

import java.time.Instant;

/**
 * One hand to record. {@code eventId} and {@code payload} are null for hands that were already in the folder on
 * the first start: they are remembered (so they are never sent) but were never news.
 */
public record JournalEntry(String handId, Long eventId, String file, Instant detectedAt, String payload) {
}
