package dev.handfeed.journal;

import java.time.Instant;

/**
 * One tournament summary entry dealt with, under its key, with the event it makes ({@code type} and
 * {@code payload}: the JSON text as sent, kept for replay). {@code eventId}, {@code type} and {@code payload} are
 * null for entries that are remembered but were never news: already there on the first start, or unreadable.
 */
public record SummaryRecord(String key, Long eventId, String file, Instant detectedAt, String type, String payload) {

    /** An entry that is not sent, now or ever: history, or a block that cannot be read (reported once). */
    public static SummaryRecord remembered(String key, String file, Instant detectedAt) {
        return new SummaryRecord(key, null, file, detectedAt, null, null);
    }
}
