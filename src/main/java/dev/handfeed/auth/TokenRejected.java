package dev.handfeed.auth;

/**
 * A token, or its absence, that does not let the request in. The message is fixed text chosen by the server: it
 * never quotes the token, so it can go to the client and to the log alike.
 */
public final class TokenRejected extends Exception {

    public TokenRejected(String message) {
        super(message, null, false, false); // an answer to a client, not a fault: no stack trace to fill
    }
}
