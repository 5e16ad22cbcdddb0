package dev.handfeed.hands;

import java.util.ArrayList;
import java.util.List;

/** What a {@link BlockState} holds of the block being read: its kind, first line, hand lines and limits. */
final class PendingBlock {

    enum Kind { NONE, HAND, SUMMARY, INVALID }

    private final List<String> lines = new ArrayList<>(64);
    private Kind kind = Kind.NONE;
    private boolean reported;
    private boolean sawSummary;
    private boolean sawTotalPot;
    private int afterSummary;
    private int bytes;
    private String firstText = "";
    private long firstLine;
    private long end;
    private long lineAfter;

    void start(Kind newKind, String text, long number) {
        reset();
        kind = newKind;
        firstText = text;
        firstLine = number;
    }

    /** Records that the block now runs to {@code lineEnd}, whose next line is {@code nextLine}. */
    void extend(long lineEnd, long nextLine) {
        end = lineEnd;
        lineAfter = nextLine;
    }

    /** Adds a hand line; false when the hand outgrows {@link HandReader#MAX_HAND_LINES} or MAX_HAND_BYTES. */
    boolean add(String text, int length) {
        if (lines.size() >= HandReader.MAX_HAND_LINES || bytes + length > HandReader.MAX_HAND_BYTES) {
            return false;
        }
        bytes += length;
        if (sawSummary) {
            afterSummary += text.isEmpty() ? 0 : 1;
            sawTotalPot |= text.startsWith("Total pot ");
        } else if (text.startsWith("*** SUMMARY ***")) {
            sawSummary = true;
        }
        lines.add(text);
        return true;
    }

    /**
     * A summary line after {@code Total pot}: the parser reads nothing past that line, so it is counted
     * toward completeness but neither decoded nor kept (10 such lines per hand in 2010-2012 files).
     */
    boolean skipsText() {
        return sawTotalPot;
    }

    void countSkipped() {
        afterSummary++;
    }

    /** The event for this block ending at {@code end}: a parsed or failed hand, or a skipped summary. */
    HandEvent report(HandParser parser, String source, long end) {
        switch (kind) {
            case HAND -> {
                try {
                    return new HandEvent.Parsed(parser.parse(lines, source, firstLine), source, firstLine, end);
                } catch (HandParseException e) {
                    return new HandEvent.Failed(e, end);
                }
            }
            case SUMMARY -> {
                return new HandEvent.SummarySkipped(source, firstLine, summaryTitle(), end);
            }
            case INVALID -> {
                return new HandEvent.Failed(new HandParseException("not a Winamax hand header: '" + firstText + "'",
                        source, firstLine, handId()), end);
            }
            default -> {
                return null;
            }
        }
    }

    /** A hand whose summary has a complete line, or any other open block: what flush() may report. */
    boolean readyToFlush() {
        return !reported && (kind == Kind.SUMMARY || kind == Kind.INVALID
                || (kind == Kind.HAND && sawSummary && afterSummary > 0));
    }

    void reset() {
        kind = Kind.NONE;
        reported = false;
        sawSummary = false;
        sawTotalPot = false;
        afterSummary = 0;
        bytes = 0;
        lines.clear();
    }

    /** Reported already (by flush or as a failure): what follows up to the next header is absorbed. */
    void markReported() {
        lines.clear();
        reported = true;
    }

    Kind kind() {
        return kind;
    }

    boolean open() {
        return kind != Kind.NONE && !reported;
    }

    boolean sawSummary() {
        return sawSummary;
    }

    boolean complete() {
        return sawSummary && afterSummary > 0;
    }

    List<String> lines() {
        return lines;
    }

    String firstText() {
        return firstText;
    }

    long firstLine() {
        return firstLine;
    }

    long end() {
        return end;
    }

    long lineAfter() {
        return lineAfter;
    }

    String handId() {
        return Header.handIdOf(firstText);
    }

    String summaryTitle() {
        int at = firstText.indexOf(": ");
        return at < 0 ? firstText : firstText.substring(at + 2).strip();
    }
}
