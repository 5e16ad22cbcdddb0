package dev.handfeed.wire;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextFrameTest {

    /** Reads a frame back as RFC 6455 defines it: final text frame, unmasked, 7-, 16- or 64-bit length. */
    private static String payload(byte[] frame) {
        ByteBuffer in = ByteBuffer.wrap(frame);
        assertEquals((byte) 0x81, in.get(), "FIN and opcode 1 (text)");
        int first = in.get() & 0xFF;
        assertEquals(0, first & 0x80, "a server's frame is not masked");
        long length = first == 126 ? in.getShort() & 0xFFFF : first == 127 ? in.getLong() : first;
        if (first == 126) {
            assertEquals(true, length >= 126, "the shortest length encoding");
        }
        if (first == 127) {
            assertEquals(true, length > 0xFFFF, "the shortest length encoding");
        }
        assertEquals(in.remaining(), length);
        return StandardCharsets.UTF_8.decode(in).toString();
    }

    @Test
    void everyLengthEncodingAtItsBoundaries() {
        for (int n : new int[]{0, 1, 125, 126, 127, 65_535, 65_536, 200_000}) {
            String text = "x".repeat(n);
            byte[] frame = TextFrame.encode(text);
            assertEquals(text, payload(frame), "length " + n);
            assertEquals(n + (n < 126 ? 2 : n <= 65_535 ? 4 : 10), frame.length, "header for length " + n);
        }
    }

    @Test
    void theLengthCountsUtf8BytesNotCharacters() {
        String text = "{\"hero\":\"Zoé\",\"cards\":\"A♠ K♥\",\"note\":\"🂡\"}";
        byte[] frame = TextFrame.encode(text);
        assertEquals(text, payload(frame));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), Arrays.copyOfRange(frame, 2, frame.length));
    }

    @Test
    void framesWrittenIntoASharedBufferAreTheSameBytesAsTheJdksUtf8() {
        String[] texts = {"", "plain", "Zoé ♠ 🂡", "a\uD800b", "\uDC00", "end\uD83D", "\uD83D\uD83D\uDE00",
                "é".repeat(40_000), "♥".repeat(30_000), "x".repeat(125), "x".repeat(126)};
        for (String text : texts) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // lone surrogates as '?', as the frame must
            byte[] frame = TextFrame.encode(text);
            assertEquals(TextFrame.length(text), frame.length, "counted length of a " + text.length() + "-char text");
            assertArrayEquals(utf8, Arrays.copyOfRange(frame, frame.length - utf8.length, frame.length));
            assertEquals(new String(utf8, StandardCharsets.UTF_8), payload(frame));
            ByteBuffer shared = ByteBuffer.allocate(3 + frame.length + 2);
            shared.put(new byte[]{1, 2, 3});
            TextFrame.encode(text, shared);
            assertEquals(3 + frame.length, shared.position(), "written exactly its length");
            assertArrayEquals(frame, Arrays.copyOfRange(shared.array(), 3, 3 + frame.length));
        }
    }

    @Test
    void aMessageIsFramedOnceAndTheFrameTakesNoPartInEquality() {
        Heartbeat beat = new Heartbeat(Instant.EPOCH);
        Encoded message = new Encoded(beat, "{\"type\":\"heartbeat\"}");
        assertSame(message.textFrame(), message.textFrame());
        assertEquals(message, new Encoded(beat, "{\"type\":\"heartbeat\"}"));
    }
}
