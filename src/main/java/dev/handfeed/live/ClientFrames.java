package dev.handfeed.live;

import dev.handfeed.filters.FilterParser;
import dev.handfeed.filters.InvalidFilter;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Map;

/**
 * Reads a client's text frame into a {@link Request}. Clients mostly listen; the requests understood are
 * {@code ping}, {@code resume} and {@code subscribe}. Everything else is an {@link Request.Invalid} naming what was wrong.
 */
public final class ClientFrames {

    /** No request needs more than a few levels; a frame of {@code [[[[...} stops here, not at the stack's end. */
    static final int MAX_DEPTH = 32;

    /**
     * Parsson, the JSON-P of Payara and WildFly, has its own limits: nesting ({@code maxDepth}, 1000 by default,
     * here {@link #MAX_DEPTH}) and numbers of more than 1100 characters. It enforces them with plain
     * RuntimeExceptions, not JsonExceptions: those are answered below like any other unreadable frame.
     */
    private final JsonReaderFactory readers = Json.createReaderFactory(
            Map.of("org.eclipse.parsson.maxDepth", MAX_DEPTH + 1));

    /** The request a text frame makes. */
    public Request read(String frame) {
        JsonValue value;
        try (JsonReader reader = readers.createReader(new StringReader(frame))) {
            value = reader.readValue();
        } catch (JsonException e) {
            return new Request.Invalid("Invalid JSON: " + InvalidRequest.quote(frame));
        } catch (RuntimeException e) {
            return new Request.Invalid("JSON beyond this server's limits (nesting deeper than " + MAX_DEPTH
                    + " levels, or a number longer than 1100 characters): " + InvalidRequest.quote(frame));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return new Request.Invalid("Expected a JSON object with a \"type\" field, got "
                    + value.getValueType().name().toLowerCase());
        }
        JsonObject object = value.asJsonObject();
        JsonValue type = object.get("type");
        if (type == null) {
            return new Request.Invalid("Missing field 'type'");
        }
        if (type.getValueType() != JsonValue.ValueType.STRING) {
            return new Request.Invalid("Field 'type' must be a string, got " + type.getValueType().name().toLowerCase());
        }
        String name = ((JsonString) type).getString();
        switch (name) {
            case "ping":
                return new Request.Ping();
            case "resume":
                try {
                    return new Request.Resume(ResumePoint.fromFrame(object));
                } catch (InvalidRequest e) {
                    return new Request.Invalid(e.getMessage());
                }
            case "subscribe":
                try {
                    return new Request.Subscribe(FilterParser.fromJson(object.get("filters")));
                } catch (InvalidFilter e) {
                    return new Request.Invalid(e.getMessage());
                }
            case "refresh":
                return refresh(object);
            default:
                return new Request.Invalid("Unknown message type '" + InvalidRequest.quote(name) + "'");
        }
    }

    /** {@code {"type":"refresh","token":"..."}}: a new token for this connection (AUTH_MODE=jwt). */
    private static Request refresh(JsonObject object) {
        JsonValue token = object.get("token");
        if (token == null || token.getValueType() != JsonValue.ValueType.STRING
                || ((JsonString) token).getString().isBlank()) {
            return new Request.Invalid("Field 'token' must be a string in a refresh: the new bearer token");
        }
        return new Request.Refresh(((JsonString) token).getString().strip());
    }
}
