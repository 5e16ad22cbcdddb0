package dev.handfeed.filters;

/** A filter the server cannot use; the message names the key or value, for the client's {@code error}. */
public final class InvalidFilter extends Exception {

    private final String key;

    InvalidFilter(String key, String message) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace
        this.key = key;
    }

    /** The key (or parameter) at fault. */
    public String key() {
        return key;
    }
}
