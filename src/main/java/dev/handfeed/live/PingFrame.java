package dev.handfeed.live;

import java.nio.ByteBuffer;

/**
 * A ping as one complete WebSocket control frame (RFC 6455 sections 5.2 and 5.5.2): final, unmasked as every frame
 * from a server is. Extensions never transform control frames, so the same bytes suit a connection with
 * permessage-deflate.
 */
final class PingFrame {

    private static final int FIN_PING = 0x89;
    /** A control frame's payload fits the 7-bit length. */
    static final int MAX_PAYLOAD = 125;

    private PingFrame() {
    }

    /** The frame carrying {@code payload}, ready to be written. */
    static ByteBuffer of(byte[] payload) {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("a ping carries at most " + MAX_PAYLOAD + " bytes, not "
                    + payload.length);
        }
        ByteBuffer frame = ByteBuffer.allocate(2 + payload.length);
        frame.put((byte) FIN_PING).put((byte) payload.length).put(payload);
        return frame.flip();
    }
}
