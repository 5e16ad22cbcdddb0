package dev.handfeed.tournaments;

import java.util.List;

/** Reads the lines of one block (first line {@code Winamax Poker - ...}) into a {@link SummaryEntry}. */
final class SummaryBlock {

    private SummaryBlock() {
    }

    /**
     * @param lines     the block's lines without line ends, first line first
     * @param firstLine 1-based line number of the first line in {@code source}
     * @param closed    a blank line or another block follows: Winamax has finished writing this one
     */
    static SummaryEntry read(String source, List<String> lines, long firstLine, int entry, boolean closed) {
        String id = null;
        int index = 0;
        try {
            id = Title.idOf(lines.get(0));
            Title title = Title.parse(lines.get(0).stripTrailing());
            SummaryFields fields = new SummaryFields();
            int lastText = 0;
            for (index = 1; index < lines.size(); index++) {
                String line = lines.get(index).stripTrailing();
                if (!line.isBlank()) {
                    fields.read(line);
                    lastText = index;
                }
            }
            if (fields.finished()) {
                return new SummaryEntry.Result(fields.build(source, firstLine, entry, title), closed);
            }
            if (!closed) {
                return new SummaryEntry.Pending(source, firstLine, entry, title.tournamentId());
            }
            // Winamax writes a block whole, finish line included ("... place" when it does not know the place).
            index = lastText;
            throw new MalformedSummary("no 'You finished in' line, and the block is complete");
        } catch (MalformedSummary e) {
            return failed(e.getMessage(), source, firstLine + index, id, entry, closed, null);
        } catch (RuntimeException e) {
            // A parser bug must cost one summary, not the watcher: report it like any unreadable block.
            return failed("unexpected " + e, source, firstLine + index, id, entry, closed, e);
        }
    }

    static SummaryEntry.Failed failed(String reason, String source, long line, String id, int entry, boolean closed,
                                      Throwable cause) {
        return new SummaryEntry.Failed(new SummaryParseException(reason, source, line, id, cause), entry, closed);
    }
}
