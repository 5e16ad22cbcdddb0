package dev.handfeed.live;

/** A client frame or query parameter the server cannot act on; its message is what the client's {@code error} says. */
public final class InvalidRequest extends Exception {

    private static final int QUOTE_LIMIT = 40;

    public InvalidRequest(String message) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace to fill
    }

    /** A client's text, shortened and with control characters replaced, fit to quote back in an error. */
    static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
