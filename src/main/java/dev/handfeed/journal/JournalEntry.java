package dev.handfeed.journal;

import java.time.Instant;

/**
 * One hand to record, with the event it makes ({@code type} and {@code payload}: the JSON text as sent, kept for
 * replay). {@code eventId}, {@code type} and {@code payload} are null for hands that were already in the folder on
 * the first start: they are remembered (so they are never sent) but were never news.
 */
public record JournalEntry(String handId, Long eventId, String file, Instant detectedAt, String type, String payload) {

    /** A hand that was already in the folder on the first start: remembered, never news. */
    public static JournalEntry history(String handId, String file, Instant detectedAt) {
        return new JournalEntry(handId, null, file, detectedAt, null, null);
    }
}
