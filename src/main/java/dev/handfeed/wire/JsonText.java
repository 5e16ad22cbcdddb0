package dev.handfeed.wire;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Map;

/**
 * Reads JSON text with one shared reader factory. {@code Json.createReader} looks the JSON-P provider up on every
 * call, about 2 ms on a busy machine: too much for every client frame or every replayed event.
 */
public final class JsonText {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private JsonText() {
    }

    /** Any JSON value; throws {@link jakarta.json.JsonException} when the text is not JSON. */
    public static JsonValue value(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** A JSON object, as the server's own stored messages are. */
    public static JsonObject object(String text) {
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
