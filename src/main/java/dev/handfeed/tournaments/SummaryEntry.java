package dev.handfeed.tournaments;

/**
 * What the parser makes of one block of a summary file (one entry of the player into the tournament).
 * <p>
 * {@link #closed()} says whether Winamax has finished writing the block: it is followed by a blank line or by the
 * next block. A block that ends the text without a blank line after it may still grow (a {@code You won} line
 * after {@code You finished in}, the rest of a half-written line), as the last block of some files does for good.
 * Act on a closed entry at once; act on an open one only once the file has stayed unchanged for a quiet period,
 * by parsing it again then.
 */
public sealed interface SummaryEntry permits SummaryEntry.Result, SummaryEntry.Pending, SummaryEntry.Failed {

    /** 1-based number of the block in its file; 0 for text before the first block. */
    int entry();

    /** 1-based line where the block starts (for a failure: the line at fault). */
    long line();

    boolean closed();

    /** A finished entry: the block has its {@code You finished in} line. */
    record Result(TournamentSummary summary, boolean closed) implements SummaryEntry {

        @Override
        public int entry() {
            return summary.entry();
        }

        @Override
        public long line() {
            return summary.line();
        }
    }

    /**
     * The last block of the text has no {@code You finished in} line yet and nothing after it: not a result, not an
     * error. Winamax writes a block whole when the player busts or wins, so this is a block being written (or a
     * file cut short); it is read again when the file changes. A closed block without a finish line is
     * {@link Failed}.
     */
    record Pending(String source, long line, int entry, String tournamentId) implements SummaryEntry {

        @Override
        public boolean closed() {
            return false;
        }
    }

    /** A block that cannot be read; the error names file, line and tournament id. */
    record Failed(SummaryParseException error, int entry, boolean closed) implements SummaryEntry {

        @Override
        public long line() {
            return error.line();
        }
    }
}
