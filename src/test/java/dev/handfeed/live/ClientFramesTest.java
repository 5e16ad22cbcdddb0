package dev.handfeed.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void deepNestingIsRefusedAtOnceNotAtTheEndOfTheStack() {
        for (String frame : List.of("[".repeat(10_000), "{\"a\":".repeat(10_000), "[".repeat(33) + "]".repeat(33))) {
            Request.Invalid invalid = assertInstanceOf(Request.Invalid.class, frames.read(frame));
            assertTrue(invalid.message().startsWith("JSON beyond this server's limits (nesting deeper than 32 levels,"
                    + " or a number longer than 1100 characters): "), invalid.message());
        }
        assertInstanceOf(Request.Ping.class,
                frames.read("{\"type\":\"ping\",\"x\":" + "[".repeat(31) + "]".repeat(31) + "}"));
    }

    @Test
    void hugeNumbersAreAnsweredNotComputed() {
        assertInstanceOf(Request.Invalid.class, frames.read("{\"type\":\"ping\",\"n\":" + "9".repeat(1_101) + "}"));
        for (String number : List.of("1e999999999", "9".repeat(1_100), "1E+2147483647")) {
            Request.Invalid invalid = assertInstanceOf(Request.Invalid.class,
                    frames.read("{\"type\":\"resume\",\"last_event_id\":" + number + "}"));
            assertTrue(invalid.message().startsWith("Invalid 'last_event_id'"), invalid.message());
        }
    }

    @Test
    void loneSurrogatesAreNeverQuotedBackButPairsAre() {
        assertEquals("Unknown message type '?'",
                assertInstanceOf(Request.Invalid.class, frames.read("{\"type\":\"\\ud800\"}")).message());
        assertEquals("Unknown message type 'a??'",
                assertInstanceOf(Request.Invalid.class, frames.read("{\"type\":\"a\\udc00\\ud800\"}")).message());
        assertEquals("Unknown message type '\ud83c\udca1'",
                assertInstanceOf(Request.Invalid.class, frames.read("{\"type\":\"\\ud83c\\udca1\"}")).message());
        String cut = assertInstanceOf(Request.Invalid.class,
                frames.read("{\"type\":\"" + "x".repeat(39) + "\ud83c\udca1\"}")).message();
        assertEquals("Unknown message type '" + "x".repeat(39) + "...'", cut, "a pair is never cut in two");
    }

    @Test
    void refreshCarriesItsTokenAndNeverShowsIt() {
        Request.Refresh refresh = assertInstanceOf(Request.Refresh.class,
                frames.read("{\"type\":\"refresh\",\"token\":\" a.b.c \"}"));
        assertEquals("a.b.c", refresh.token());
        assertFalse(refresh.toString().contains("a.b.c"));
        for (String bad : List.of("{\"type\":\"refresh\"}", "{\"type\":\"refresh\",\"token\":7}",
                "{\"type\":\"refresh\",\"token\":\" \"}")) {
            assertEquals("Field 'token' must be a string in a refresh: the new bearer token",
                    assertInstanceOf(Request.Invalid.class, frames.read(bad)).message());
        }
    }

    @Test
    void noTextAtAllMakesTheReaderThrow() {
        Random random = new Random(42);
        String[] pieces = {"{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "d800", "type", "ping", "resume", "1e9999",
            "-", ".", "\u0000", "\ud800", "\udc00", "\ud83c\udca1", "null", "true", " ", "refresh", "token"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder frame = new StringBuilder();
            for (int n = random.nextInt(30); n >= 0; n--) {
                frame.append(random.nextInt(4) == 0 ? String.valueOf((char) random.nextInt(0x10000))
                        : pieces[random.nextInt(pieces.length)]);
            }
            Request request = frames.read(frame.toString());
            if (request instanceof Request.Invalid invalid) {
                assertTrue(invalid.message().codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF), invalid.message());
            }
        }
    }
}
