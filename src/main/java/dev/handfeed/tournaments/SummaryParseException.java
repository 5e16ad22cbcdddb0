package dev.handfeed.tournaments;

/**
 * A summary block that cannot be read. It names the file, the 1-based line and the tournament id (when the
 * block's first line got that far) so that the skipped summary can be found in the history folder.
 */
public final class SummaryParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String tournamentId;

    public SummaryParseException(String reason, String source, long line, String tournamentId) {
        this(reason, source, line, tournamentId, null);
    }

    public SummaryParseException(String reason, String source, long line, String tournamentId, Throwable cause) {
        super(source + ":" + line + ": " + reason + " (tournament "
                + (tournamentId == null ? "unknown" : tournamentId) + ")", cause);
        this.source = source;
        this.line = line;
        this.tournamentId = tournamentId;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The digits between the parentheses of the summary's first line, or null when it could not be read. */
    public String tournamentId() {
        return tournamentId;
    }
}
