package dev.handfeed.hands;

/**
 * What a {@link HandReader} reports for each block of input it has finished with.
 * {@link #endOffset()} is the absolute byte offset just after the block, for resuming.
 */
public sealed interface HandEvent permits HandEvent.Parsed, HandEvent.Failed, HandEvent.SummarySkipped {

    long endOffset();

    /** A complete hand; {@code line} is the 1-based line of its header in the file. */
    record Parsed(Hand hand, String source, long line, long endOffset) implements HandEvent {
    }

    /** A block that could not be read as a hand; it was skipped and the reader went on. */
    record Failed(HandParseException error, long endOffset) implements HandEvent {
    }

    /** A tournament summary block ({@code Winamax Poker - Tournament summary : ...}): not a hand. */
    record SummarySkipped(String source, long line, String title, long endOffset) implements HandEvent {
    }
}
