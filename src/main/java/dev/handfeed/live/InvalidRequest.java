package dev.handfeed.live;

/** A client frame or query parameter the server cannot act on; its message is what the client's {@code error} says. */
public final class InvalidRequest extends Exception {

    private static final int QUOTE_LIMIT = 40;

    public InvalidRequest(String message) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace to fill
    }

    /**
     * A client's text, shortened and with control characters and lone surrogates replaced, fit to quote back in an
     * error: a lone surrogate ({@code "\ud800"} is valid JSON) cannot be encoded in UTF-8, and the answer quoting it
     * would never leave.
     */
    static String quote(String text) {
        int end = Math.min(text.length(), QUOTE_LIMIT);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never cut a pair in two
        }
        String shown = end < text.length() ? text.substring(0, end) + "..." : text;
        return shown.replaceAll("[\\p{Cntrl}\\p{Cs}]", "?");
    }
}
