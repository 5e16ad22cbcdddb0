package dev.handfeed.hands;

/**
 * A hand block that cannot be parsed. It names the file, the 1-based line and the hand id (when the
 * header got that far) so that a skipped hand can be found in the history folder.
 */
public final class HandParseException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String handId;

    public HandParseException(String reason, String source, long line, String handId) {
        this(reason, source, line, handId, null);
    }

    public HandParseException(String reason, String source, long line, String handId, Throwable cause) {
        super(source + ":" + line + ": " + reason + " (hand " + (handId == null ? "unknown" : handId) + ")", cause);
        this.source = source;
        this.line = line;
        this.handId = handId;
    }

    public String source() {
        return source;
    }

    public long line() {
        return line;
    }

    /** The {@code a-b-c} HandId, or null when the header could not be read. */
    public String handId() {
        return handId;
    }
}
