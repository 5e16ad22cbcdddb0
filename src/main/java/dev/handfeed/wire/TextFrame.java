package dev.handfeed.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
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

    /** The frame of {@code text}, in an array of its own. */
    static byte[] encode(String text) {
        byte[] frame = new byte[length(text)];
        encode(text, ByteBuffer.wrap(frame));
        return frame;
    }

    /** How many bytes {@code text}'s frame takes, counted without encoding it. */
    public static int length(String text) {
        return frameLength(utf8Length(text));
    }

    /** How many bytes the frame of a text of {@code utf8Length} UTF-8 bytes takes. */
    public static int frameLength(int utf8Length) {
        return header(utf8Length) + utf8Length;
    }

    /**
     * Writes {@code text}'s frame at {@code out}'s position, which must have {@link #length} bytes of room: several
     * messages gathered into one write are encoded straight into it, without an array of their own each.
     */
    public static void encode(String text, ByteBuffer out) {
        encode(text, utf8Length(text), out);
    }

    /** As {@link #encode(String, ByteBuffer)}, for a caller that counted {@code text}'s UTF-8 bytes already. */
    public static void encode(String text, int n, ByteBuffer out) {
        out.put((byte) FIN_TEXT);
        if (n < LENGTH_16) {
            out.put((byte) n);
        } else if (n <= 0xFFFF) {
            out.put((byte) LENGTH_16).putShort((short) n);
        } else {
            out.put((byte) LENGTH_64).putLong(n);
        }
        int end = out.position() + n;
        // As String.getBytes does: a lone surrogate becomes '?', one byte, which utf8Length counts.
        CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        CoderResult result = utf8.encode(CharBuffer.wrap(text), out, true);
        if (!result.isUnderflow() || !utf8.flush(out).isUnderflow() || out.position() != end) {
            throw new IllegalStateException("UTF-8 of a " + text.length() + "-char text is not the " + n
                    + " bytes counted: " + result);
        }
    }

    /** The UTF-8 size of a text, counted without encoding it. */
    public static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the two chars of the pair
                    i++;
                } // a lone surrogate is written as '?', one byte, as the JDK's encoder does
            }
        }
        return bytes;
    }

    private static int header(int payload) {
        return payload < LENGTH_16 ? 2 : payload <= 0xFFFF ? 4 : 10;
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
