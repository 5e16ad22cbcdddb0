package dev.handfeed.wire;

import java.nio.charset.StandardCharsets;

/**
 * A message as one complete WebSocket text frame (RFC 6455 section 5.2): final, unmasked as every frame from a
 * server is, without extensions. A broadcast message is framed once, here, and the same bytes go to every client
 * whose connection takes frames as they are, instead of being encoded to UTF-8 and framed again for each of them.
 */
public final class TextFrame {

    private static final int FIN_TEXT = 0x81;
    private static final int LENGTH_16 = 126;
    private static final int LENGTH_64 = 127;

    private volatile byte[] bytes;

    /**
     * The frame of {@code json}, built on first use (a message only a portable or compressing connection takes is
     * never framed here). Built at most a few times when threads race, always to the same bytes.
     */
    byte[] of(String json) {
        byte[] frame = bytes;
        if (frame == null) {
            frame = encode(json);
            bytes = frame;
        }
        return frame;
    }

    /** The frame of a message sent to one client only. */
    public static byte[] encode(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int n = payload.length;
        int header = n < LENGTH_16 ? 2 : n <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + n];
        frame[0] = (byte) FIN_TEXT;
        if (header == 2) {
            frame[1] = (byte) n;
        } else if (header == 4) {
            frame[1] = (byte) LENGTH_16;
            frame[2] = (byte) (n >>> 8);
            frame[3] = (byte) n;
        } else {
            frame[1] = (byte) LENGTH_64;
            long length = n;
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) (length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, frame, header, n);
        return frame;
    }

    /** Derived from the message's text: it takes no part in the equality of the message that carries it. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextFrame;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
