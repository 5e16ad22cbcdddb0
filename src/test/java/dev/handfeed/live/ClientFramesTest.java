package dev.handfeed.live;

import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.Pong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ClientFramesTest {

    private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");
    private final ClientFrames frames = new ClientFrames(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void pingGetsPong() {
        assertEquals(new Pong(NOW), frames.answer("{\"type\":\"ping\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "hello                      | Invalid JSON: hello",
            "`{\"type\":`               | `Invalid JSON: {\"type\":`",
            "[1,2]                      | Expected a JSON object with a \"type\" field, got array",
            "42                         | Expected a JSON object with a \"type\" field, got number",
            "`{}`                       | Missing field 'type'",
            "`{\"type\":5}`             | Field 'type' must be a string, got number",
            "`{\"type\":null}`          | Field 'type' must be a string, got null",
            "`{\"type\":\"foo\"}`       | Unknown message type 'foo'",
    })
    void anythingElseGetsAnErrorNamingTheProblem(String frame, String expected) {
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, frames.answer(frame));
        assertEquals(expected, error.message());
        assertEquals("error", error.type());
        assertEquals(NOW, error.timestamp());
    }

    @Test
    void longFramesAreQuotedShortAndControlCharactersHidden() {
        ErrorMessage error = assertInstanceOf(ErrorMessage.class, frames.answer("x".repeat(1000) + "\u0000"));
        assertEquals("Invalid JSON: " + "x".repeat(40) + "...", error.message());
        ErrorMessage control = assertInstanceOf(ErrorMessage.class, frames.answer("{\"type\":\"a\\u0007b\"}"));
        assertEquals("Unknown message type 'a?b'", control.message());
    }
}
