package dev.handfeed.hands;

/**
 * Thrown by the line-level readers; {@link HandParser} adds source, line number and hand id and
 * rethrows it as a {@link HandParseException}.
 */
final class MalformedLine extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedLine(String reason) {
        super(reason, null, false, false);
    }
}
