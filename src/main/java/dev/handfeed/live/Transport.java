package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import jakarta.websocket.SendHandler;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * How a client's frames reach its socket: the standard asynchronous remote endpoint ({@link PortableTransport}),
 * or, on Payara's Tyrus, its web socket directly ({@link TyrusTransport}). {@link Outbound} keeps the order and the
 * one send in flight either way.
 */
interface Transport {

    /** Sends a text frame; {@code done} learns the outcome, possibly on this thread before the call returns. */
    void text(String text, SendHandler done) throws IOException;

    /** Sends a broadcast message as a text frame; a transport that can may send its one shared frame as it is. */
    default void message(Encoded message, SendHandler done) throws IOException {
        text(message.json(), done);
    }

    /** Whether it takes complete text frames as bytes ({@link #frames}), several in one write. */
    default boolean takesFrames() {
        return false;
    }

    /** Writes complete, unmasked text frames (built by {@code wire.TextFrame}) as they are, in one write. */
    default void frames(ByteBuffer frames, SendHandler done) throws IOException {
        throw new UnsupportedOperationException("this transport frames every message itself");
    }

    /**
     * Sends a ping frame carrying {@code payload}; {@code done} learns the outcome, possibly on this thread before
     * the call returns (at once, where the container does not tell when a ping has left).
     */
    void ping(byte[] payload, SendHandler done) throws IOException;
}
