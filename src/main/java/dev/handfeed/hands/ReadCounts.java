package dev.handfeed.hands;

/**
 * What a {@link HandReader} has seen so far, for statistics and health reporting.
 *
 * @param parsed       hands emitted as {@link HandEvent.Parsed}
 * @param failed       blocks skipped as {@link HandEvent.Failed}: corrupt, truncated or oversized
 * @param summaries    tournament summary blocks skipped
 * @param garbageLines non-blank lines outside any hand (before the first header, after a flushed hand...)
 */
public record ReadCounts(long parsed, long failed, long summaries, long garbageLines) {

    ReadCounts add(HandEvent event) {
        return new ReadCounts(parsed + (event instanceof HandEvent.Parsed ? 1 : 0),
                failed + (event instanceof HandEvent.Failed ? 1 : 0),
                summaries + (event instanceof HandEvent.SummarySkipped ? 1 : 0), garbageLines);
    }

    ReadCounts garbage() {
        return new ReadCounts(parsed, failed, summaries, garbageLines + 1);
    }
}
