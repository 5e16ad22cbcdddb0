package dev.handfeed.metrics;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Utf8LengthTest {

    private final Utf8Length sizes = new Utf8Length();

    @Test
    void countsWhatTheEncoderWrites() {
        for (String text : List.of("", "{\"type\":\"heartbeat\"}", "é", "0.50€", "Ülrich 中文 🂡 mixed 😀!",
                "\uD83D", "a\uDE00b")) {
            int expected = text.getBytes(StandardCharsets.UTF_8).length;
            assertEquals(expected, Utf8Length.count(text), text);
            assertEquals(expected, sizes.of(text), text);
        }
    }

    @Test
    void aBroadcastTextIsCountedOnceAndAnEqualCopyAgainCorrectly() {
        String hand = "{\"type\":\"new_hand\",\"hero\":\"Thör\"}";
        String copy = new String(hand.toCharArray());
        int bytes = hand.getBytes(StandardCharsets.UTF_8).length;
        assertEquals(bytes, sizes.of(hand));
        assertEquals(bytes, sizes.of(hand));
        assertEquals(bytes, sizes.of(copy));
        assertEquals(2, sizes.of("é"));
    }
}
