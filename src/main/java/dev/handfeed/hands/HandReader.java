package dev.handfeed.hands;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streaming reader for one history file: bytes in, complete hands out, each exactly once.
 * <p>
 * Bytes may be cut anywhere; only complete lines ({@code \n}-terminated) are decoded. A hand starts at
 * every header line (RULES.md §3.1) and is complete once its {@code *** SUMMARY ***} block is followed by
 * a blank line or the next header; never on a count of blank lines, which varies between files. The last
 * hand of a file may have neither, so {@link #flush()} (called after a quiet period) emits it, and it is
 * then never emitted again. {@link #offset()} is where a new reader must resume so that no hand is lost
 * or repeated. Memory is bounded: a pending line or hand larger than 1 MiB, or a hand of more than
 * {@value #MAX_HAND_LINES} lines, is reported as a failure and discarded.
 * <p>
 * One reader per file, fed by one thread at a time; the {@link HandParser} behind it may be shared.
 */
public final class HandReader {

    static final int MAX_LINE_BYTES = 1 << 20;
    static final int MAX_HAND_BYTES = 1 << 20;
    static final int MAX_HAND_LINES = 4096;

    private final String source;
    private final BlockState block;
    private final PartialLine partial = new PartialLine();
    private long position;
    private long lineNumber;

    /** A reader for a file read from its beginning. */
    public HandReader(String source, HandParser parser) {
        this(source, parser, 0, 1);
    }

    /**
     * A reader resuming a file.
     *
     * @param startOffset absolute byte offset of the first byte that will be fed (a previous {@link #offset()})
     * @param startLine   1-based number of the line starting at {@code startOffset} (a previous {@link #line()})
     */
    public HandReader(String source, HandParser parser, long startOffset, long startLine) {
        if (startOffset < 0 || startLine < 1) {
            throw new IllegalArgumentException("bad resume point " + startOffset + "/" + startLine + " for " + source);
        }
        this.source = Objects.requireNonNull(source, "source");
        this.block = new BlockState(source, Objects.requireNonNull(parser, "parser"), startOffset, startLine);
        this.position = startOffset;
        this.lineNumber = startLine;
    }

    /** Feeds the bytes that follow those already fed; returns the events completed by them. */
    public List<HandEvent> feed(byte[] bytes, int off, int len) {
        Objects.checkFromIndexSize(off, len, bytes.length);
        List<HandEvent> out = new ArrayList<>(2);
        int i = off;
        int end = off + len;
        while (i < end) {
            int nl = indexOfNewline(bytes, i, end);
            if (nl < 0) {
                appendPartial(bytes, i, end - i, out);
                position += end - i;
                break;
            }
            long lineEnd = position + (nl - i) + 1;
            if (partial.pending()) {
                appendPartial(bytes, i, nl - i, out);
                endPartialLine(lineEnd, true, out);
            } else {
                block.line(bytes, i, nl - i, position, lineEnd, lineNumber, lineNumber + 1, out);
                lineNumber++;
            }
            position = lineEnd;
            i = nl + 1;
        }
        return out;
    }

    /**
     * Called after a quiet period: emits a trailing hand whose summary is there (its {@code Total pot} line
     * complete) but not yet followed by a blank line or a header, as the last hand of a file is. A last line
     * without its {@code \n} is taken along unless it stops inside a character. The hand is then marked
     * emitted: bytes arriving later up to the next header are absorbed, never re-emitted.
     */
    public List<HandEvent> flush() {
        List<HandEvent> out = new ArrayList<>(1);
        // Readiness is judged on complete lines only: the summary's "Total pot" line must be whole.
        if (block.readyToFlush()) {
            if (partial.pending() && !partial.overlong() && block.wantsUnterminatedLine()
                    && !LineDecoder.endsInsideUtf8Sequence(partial.bytes(), partial.length())
                    && LineKind.of(partial.bytes(), 0, partial.length()) == LineKind.OTHER) {
                endPartialLine(position, false, out);
            }
            block.flush(out);
        }
        return out;
    }

    /** End of input: a pending unterminated line is taken as is and every open block is closed. */
    public List<HandEvent> finish() {
        List<HandEvent> out = new ArrayList<>(1);
        if (partial.pending()) {
            endPartialLine(position, true, out);
        }
        block.close(position, lineNumber, out);
        return out;
    }

    /** Absolute offset up to which input is fully accounted for: resume a file here. */
    public long offset() {
        return block.accounted();
    }

    /** 1-based number of the line that starts at {@link #offset()}. */
    public long line() {
        return block.accountedLine();
    }

    /** True once the first header of the file showed a tournament summary file. */
    public boolean isSummaryFile() {
        return block.summaryFile();
    }

    /** Hands parsed, blocks failed, summaries skipped and garbage lines so far. */
    public ReadCounts counts() {
        return block.counts();
    }

    private void appendPartial(byte[] bytes, int from, int n, List<HandEvent> out) {
        if (!partial.append(bytes, from, n, position)) {
            block.lineTooLong(lineNumber, out);
        }
    }

    /** @param terminated false for a last line taken at flush: bytes fed later continue the same line */
    private void endPartialLine(long lineEnd, boolean terminated, List<HandEvent> out) {
        long next = terminated ? lineNumber + 1 : lineNumber;
        if (partial.overlong()) {
            block.absorb(lineEnd, next);
        } else {
            block.line(partial.bytes(), 0, partial.length(), partial.start(), lineEnd, lineNumber, next, out);
        }
        lineNumber = next;
        partial.clear();
    }

    private static int indexOfNewline(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
