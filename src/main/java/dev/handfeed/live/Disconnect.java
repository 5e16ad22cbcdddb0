package dev.handfeed.live;

import jakarta.websocket.CloseReason;

/**
 * Why the server closes a connection, with the WebSocket close code the client sees. Documented in
 * docs/protocol.md; 4000-4999 are the range RFC 6455 leaves to applications.
 */
public enum Disconnect {
    /** The client fell CLIENT_BUFFER_MESSAGES messages behind (sent, not yet confirmed read by a pong). */
    BUFFER_FULL(4001, "Client too slow: outbound buffer full"),
    /** A ping sent behind unread messages (or a send) stayed unanswered for CLIENT_SEND_TIMEOUT_MS. */
    SEND_TIMEOUT(4002, "Client too slow: no pong within the send timeout"),
    /** A ping timed out and nothing at all (no pong, no message) came from the client meanwhile. */
    DEAD_PEER(4003, "No pong received: connection considered dead"),
    /** The client sent a text frame above 64 KiB (the container refuses larger frames itself where it can). */
    TOO_BIG(1009, "Frame larger than 64 KiB"),
    /** A send failed at the transport level. */
    SEND_FAILED(1011, "Send failed"),
    /** The server is shutting down. */
    SHUTDOWN(1001, "Server shutting down"),
    /** AUTH_MODE=jwt: the connection's token is missing or invalid (where no filter could refuse the upgrade). */
    UNAUTHORIZED(4401, "Unauthorized"),
    /** AUTH_MODE=jwt: the connection's token expired and no refresh replaced it. */
    TOKEN_EXPIRED(4401, "Token expired"),
    /** The client went on sending over CLIENT_MAX_FRAMES_PER_SECOND for 10 s: a policy violation. */
    TOO_MANY_FRAMES(1008, "Too many frames"),
    /** MAX_CONNECTIONS_PER_ADDRESS or MAX_CONNECTIONS reached as the connection opened. */
    TRY_AGAIN_LATER(1013, "Too many connections, try again later");

    private final int code;
    private final String reason;

    Disconnect(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    CloseReason closeReason() {
        return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason);
    }
}
