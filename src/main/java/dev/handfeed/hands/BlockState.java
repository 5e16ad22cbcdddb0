package dev.handfeed.hands;

import java.util.List;

/**
 * The state machine behind a {@link HandReader}: which block is open, when it is complete, what has been
 * reported, and up to where the input is accounted for. Lines arrive complete and undecoded; only a
 * hand's own lines (and the first line of other blocks) are ever decoded.
 */
final class BlockState {

    private final String source;
    private final HandParser parser;
    private final LineDecoder decoder = new LineDecoder();
    private final PendingBlock block = new PendingBlock();
    private long accounted;
    private long accountedLine;
    private int fileKind;
    private ReadCounts counts = new ReadCounts(0, 0, 0, 0);

    BlockState(String source, HandParser parser, long startOffset, long startLine) {
        this.source = source;
        this.parser = parser;
        this.accounted = startOffset;
        this.accountedLine = startLine;
    }

    /**
     * @param number   1-based number of this line
     * @param nextLine number of the line starting at {@code lineEnd}: {@code number + 1}, or {@code number}
     *                 itself for a last line taken without its {@code \n} (later bytes continue it)
     */
    void line(byte[] b, int off, int len, long lineStart, long lineEnd, long number, long nextLine,
              List<HandEvent> out) {
        while (len > 0 && b[off + len - 1] == '\r') {
            len--;
        }
        if (len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF) {
            off += 3;
            len -= 3;
        }
        LineKind lineKind = LineKind.of(b, off, len);
        if (lineKind != LineKind.OTHER) {
            close(lineStart, number, out);
            PendingBlock.Kind kind = lineKind == LineKind.HAND_HEADER ? PendingBlock.Kind.HAND
                    : lineKind == LineKind.SUMMARY_HEADER ? PendingBlock.Kind.SUMMARY : PendingBlock.Kind.INVALID;
            fileKind = fileKind != 0 ? fileKind : kind == PendingBlock.Kind.SUMMARY ? 2 : 1;
            String text = decoder.decode(b, off, Math.min(len, 4096));
            block.start(kind, text, number);
            add(text, len, lineEnd, nextLine, out);
            return;
        }
        boolean blank = LineKind.blank(b, off, len);
        PendingBlock.Kind kind = block.kind();
        if (!block.open()) {
            counts = blank ? counts : counts.garbage();
            absorb(lineEnd, nextLine);
        } else if (blank && (kind == PendingBlock.Kind.SUMMARY || (kind == PendingBlock.Kind.HAND && block.sawSummary()))) {
            complete(lineEnd, nextLine, out);
        } else if (kind == PendingBlock.Kind.HAND && block.skipsText() && !blank) {
            block.countSkipped();
            block.extend(lineEnd, nextLine);
        } else if (kind == PendingBlock.Kind.HAND) {
            add(blank ? "" : decoder.decode(b, off, len), len, lineEnd, nextLine, out);
        } else {
            block.extend(lineEnd, nextLine);
        }
    }

    private void add(String text, int len, long lineEnd, long nextLine, List<HandEvent> out) {
        block.extend(lineEnd, nextLine);
        if (block.kind() == PendingBlock.Kind.HAND && !block.add(text, len)) {
            fail("hand block longer than " + HandReader.MAX_HAND_LINES + " lines or " + HandReader.MAX_HAND_BYTES
                    + " bytes: skipped up to the next header", nextLine - 1, out);
            accounted = lineEnd;
            accountedLine = nextLine;
        }
    }

    /** Reports the open block as it is, at {@code end}; then the reader is between blocks. */
    private void complete(long end, long nextLine, List<HandEvent> out) {
        HandEvent event = block.report(parser, source, end);
        if (event != null) {
            report(event, out);
        }
        block.reset();
        accounted = end;
        accountedLine = nextLine;
    }

    /** A header or the end of input closes whatever is open. */
    void close(long at, long nextLine, List<HandEvent> out) {
        if (block.open()) {
            complete(at, nextLine, out);
        } else {
            block.reset();
            absorb(at, nextLine);
        }
    }

    boolean readyToFlush() {
        return block.readyToFlush();
    }

    boolean wantsUnterminatedLine() {
        return block.open() && block.kind() == PendingBlock.Kind.HAND && block.sawSummary();
    }

    void flush(List<HandEvent> out) {
        if (block.readyToFlush()) {
            PendingBlock.Kind kind = block.kind();
            complete(block.end(), block.lineAfter(), out);
            // Same block, already reported: whatever follows it up to the next header is absorbed.
            block.start(kind, "", 0);
            block.markReported();
        }
    }

    void lineTooLong(long number, List<HandEvent> out) {
        if (block.open() && block.kind() == PendingBlock.Kind.HAND && block.complete()) {
            complete(block.end(), block.lineAfter(), out);
        }
        if (block.open()) {
            fail("line " + number + " is longer than " + HandReader.MAX_LINE_BYTES + " bytes: block skipped", number, out);
        } else {
            report(new HandEvent.Failed(new HandParseException("line longer than " + HandReader.MAX_LINE_BYTES
                    + " bytes: discarded", source, number, null), accounted), out);
        }
    }

    /** Moves the accounted offset over input that belongs to no pending block. */
    void absorb(long end, long nextLine) {
        if (!block.open()) {
            accounted = end;
            accountedLine = nextLine;
        }
    }

    private void fail(String reason, long number, List<HandEvent> out) {
        report(new HandEvent.Failed(new HandParseException(reason, source, number, block.handId()), block.end()), out);
        block.markReported();
    }

    private void report(HandEvent event, List<HandEvent> out) {
        out.add(event);
        counts = counts.add(event);
    }

    long accounted() {
        return accounted;
    }

    long accountedLine() {
        return accountedLine;
    }

    boolean summaryFile() {
        return fileKind == 2;
    }

    ReadCounts counts() {
        return counts;
    }
}
