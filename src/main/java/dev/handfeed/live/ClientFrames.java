package dev.handfeed.live;

import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.Pong;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Clock;

/**
 * What the server answers to a text frame from a client. Clients mostly listen; the one request understood is
 * {@code {"type":"ping"}}. Everything else gets an {@code error} naming what was wrong, and the connection stays.
 */
public final class ClientFrames {

    private static final int QUOTE_LIMIT = 40;

    private final Clock clock;

    public ClientFrames(Clock clock) {
        this.clock = clock;
    }

    /** Returns the message to send back: a pong or an error. */
    public Object answer(String frame) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(frame))) {
            value = reader.readValue();
        } catch (JsonException e) {
            return error("Invalid JSON: " + quote(frame));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return error("Expected a JSON object with a \"type\" field, got " + value.getValueType().name().toLowerCase());
        }
        JsonObject object = value.asJsonObject();
        JsonValue type = object.get("type");
        if (type == null) {
            return error("Missing field 'type'");
        }
        if (type.getValueType() != JsonValue.ValueType.STRING) {
            return error("Field 'type' must be a string, got " + type.getValueType().name().toLowerCase());
        }
        String name = ((JsonString) type).getString();
        if ("ping".equals(name)) {
            return new Pong(clock.instant());
        }
        return error("Unknown message type '" + quote(name) + "'");
    }

    public ErrorMessage error(String message) {
        return new ErrorMessage(message, clock.instant());
    }

    private static String quote(String text) {
        String shown = text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
