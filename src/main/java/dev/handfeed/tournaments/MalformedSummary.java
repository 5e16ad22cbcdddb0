package dev.handfeed.tournaments;

/**
 * Thrown by the line readers; {@link SummaryBlock} adds source, line number and tournament id and reports it as
 * a {@link SummaryParseException}.
 */
final class MalformedSummary extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedSummary(String reason) {
        super(reason, null, false, false);
    }
}
