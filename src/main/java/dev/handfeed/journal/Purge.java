package dev.handfeed.journal;

/**
 * What one retention pass did.
 *
 * @param deleted        events deleted by this pass
 * @param purgedThrough  every event id up to this one is gone (the watermark replays are judged by)
 */
public record Purge(long deleted, long purgedThrough) {
}
