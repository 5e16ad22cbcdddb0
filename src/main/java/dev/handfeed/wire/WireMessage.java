package dev.handfeed.wire;

/**
 * Every message the server writes to a client. One closed set: a new message type is added here, and code that
 * handles messages (the codec, the broadcast path, filters) can rely on knowing them all.
 */
public sealed interface WireMessage permits ConnectionAck, ErrorMessage, Heartbeat, Pong, ReplayComplete, ReplayGap,
        Subscribed, TokenRefreshed, Event {

    /** The {@code type} field, always the first one on the wire. */
    String type();
}
