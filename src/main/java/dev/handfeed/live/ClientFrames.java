package dev.handfeed.live;

import dev.handfeed.filters.FilterParser;
import dev.handfeed.filters.InvalidFilter;
import dev.handfeed.wire.JsonText;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;


/**
 * Reads a client's text frame into a {@link Request}. Clients mostly listen; the requests understood are
 * {@code ping}, {@code resume} and {@code subscribe}. Everything else is an {@link Request.Invalid} naming what was wrong.
 */
public final class ClientFrames {

    /** The request a text frame makes. */
    public Request read(String frame) {
        JsonValue value;
        try {
            value = JsonText.value(frame);
        } catch (JsonException e) {
            return new Request.Invalid("Invalid JSON: " + InvalidRequest.quote(frame));
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
            default:
                return new Request.Invalid("Unknown message type '" + InvalidRequest.quote(name) + "'");
        }
    }
}
