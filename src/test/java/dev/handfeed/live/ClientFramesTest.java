package dev.handfeed.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ClientFramesTest {

    private final ClientFrames frames = new ClientFrames();

    @Test
    void pingIsAPing() {
        assertInstanceOf(Request.Ping.class, frames.read("{\"type\":\"ping\"}"));
    }

    @Test
    void resumeCarriesItsPoint() {
        Request.Resume resume = assertInstanceOf(Request.Resume.class,
                frames.read("{\"type\":\"resume\",\"last_event_id\":42,\"stream_id\":\"ab-12\"}"));
        assertEquals(new ResumePoint(42, "ab-12"), resume.point());
        Request.Resume noStream = assertInstanceOf(Request.Resume.class,
                frames.read("{\"type\":\"resume\",\"last_event_id\":9007199254740992}"));
        assertEquals(new ResumePoint(1L << 53, null), noStream.point());
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
            "`{\"type\":\"resume\"}`    | Field 'last_event_id' is required in a resume",
            "`{\"type\":\"resume\",\"last_event_id\":-1}` | Invalid 'last_event_id': expected an integer from 0 to 9007199254740992, got '-1'",
            "`{\"type\":\"resume\",\"last_event_id\":1.5}` | Invalid 'last_event_id': expected an integer from 0 to 9007199254740992, got '1.5'",
            "`{\"type\":\"resume\",\"last_event_id\":9007199254740993}` | Invalid 'last_event_id': expected an integer from 0 to 9007199254740992, got '9007199254740993'",
            "`{\"type\":\"resume\",\"last_event_id\":\"12\"}` | Invalid 'last_event_id': expected an integer from 0 to 9007199254740992, got '\"12\"'",
            "`{\"type\":\"resume\",\"last_event_id\":1,\"stream_id\":7}` | Invalid 'stream_id': expected the stream_id of a connection_ack, got '7'",
            "`{\"type\":\"resume\",\"last_event_id\":1,\"stream_id\":\"a b\"}` | Invalid 'stream_id': expected the stream_id of a connection_ack, got 'a b'",
    })
    void anythingElseIsInvalidNamingTheProblem(String frame, String expected) {
        Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, frames.read(frame));
        assertEquals(expected, invalid.message());
    }

    @Test
    void longFramesAreQuotedShortAndControlCharactersHidden() {
        Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, frames.read("x".repeat(1000) + "\u0000"));
        assertEquals("Invalid JSON: " + "x".repeat(40) + "...", invalid.message());
        Request.Invalid control = assertInstanceOf(Request.Invalid.class, frames.read("{\"type\":\"a\\u0007b\"}"));
        assertEquals("Unknown message type 'a?b'", control.message());
    }
}
