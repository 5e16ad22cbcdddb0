package dev.handfeed.live;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OriginCheckTest {

    private static final List<String> DEFAULTS =
            List.of("null", "http://localhost", "http://127.0.0.1", "https://localhost", "https://127.0.0.1", "file://");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "null, true",
            "http://localhost, true",
            "http://localhost:5173, true",
            "HTTP://LOCALHOST:8000, true",
            "http://127.0.0.1:3000, true",
            "https://localhost:8443, true",
            "http://localhost.evil.example, false",
            "http://localhost:80x, false",
            "https://evil.example, false",
            "http://192.168.1.5:8000, false",
    })
    void defaultsAcceptLocalPagesOnly(String origin, boolean allowed) {
        assertEquals(allowed, OriginCheck.allowed(origin, DEFAULTS));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"https://overlay.example, true", "https://overlay.example:443, true", "https://other.example, false"})
    void configuredOriginsAreAdded(String origin, boolean allowed) {
        assertEquals(allowed, OriginCheck.allowed(origin, List.of("https://overlay.example")));
    }

    @ParameterizedTest
    @CsvSource({"https://anything.example", "null"})
    void starAcceptsEverything(String origin) {
        assertEquals(true, OriginCheck.allowed(origin, List.of("*")));
    }
}
