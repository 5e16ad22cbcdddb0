package dev.handfeed.live;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a client asks to resume from: after {@code lastEventId}, in the journal named {@code streamId} (null when
 * the client did not say). Read from the query string or from a {@code resume} frame, with the same rules.
 */
public record ResumePoint(long lastEventId, String streamId) {

    /** The largest integer a JavaScript number holds exactly: ids beyond it could not be echoed back intact. */
    public static final long MAX_EVENT_ID = 1L << 53;
    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern STREAM_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** From {@code ?last_event_id=N&stream_id=S}; empty when the client asked for live hands only. */
    public static Optional<ResumePoint> fromQuery(Map<String, List<String>> parameters) throws InvalidRequest {
        String id = first(parameters, "last_event_id");
        String stream = first(parameters, "stream_id");
        if (id == null) {
            if (stream != null) {
                throw new InvalidRequest("Query parameter 'stream_id' needs 'last_event_id' beside it");
            }
            return Optional.empty();
        }
        if (!DIGITS.matcher(id).matches()) {
            throw badEventId(id);
        }
        return Optional.of(new ResumePoint(eventId(new BigDecimal(id), id), streamId(stream)));
    }

    /** From {@code {"type":"resume","last_event_id":N,"stream_id":"S"}}. */
    public static ResumePoint fromFrame(JsonObject frame) throws InvalidRequest {
        JsonValue id = frame.get("last_event_id");
        if (id == null) {
            throw new InvalidRequest("Field 'last_event_id' is required in a resume");
        }
        if (id.getValueType() != JsonValue.ValueType.NUMBER) {
            throw badEventId(id.toString());
        }
        JsonValue stream = frame.get("stream_id");
        String streamText = null;
        if (stream != null && stream.getValueType() != JsonValue.ValueType.NULL) {
            if (stream.getValueType() != JsonValue.ValueType.STRING) {
                throw badStreamId(stream.toString());
            }
            streamText = ((JsonString) stream).getString();
        }
        return new ResumePoint(eventId(((JsonNumber) id).bigDecimalValue(), id.toString()), streamId(streamText));
    }

    private static long eventId(BigDecimal value, String shown) throws InvalidRequest {
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(MAX_EVENT_ID)) > 0) {
            throw badEventId(shown);
        }
        return value.longValueExact();
    }

    private static String streamId(String text) throws InvalidRequest {
        if (text != null && !STREAM_ID.matcher(text).matches()) {
            throw badStreamId(text);
        }
        return text;
    }

    private static InvalidRequest badEventId(String shown) {
        return new InvalidRequest("Invalid 'last_event_id': expected an integer from 0 to " + MAX_EVENT_ID
                + ", got '" + InvalidRequest.quote(shown) + "'");
    }

    private static InvalidRequest badStreamId(String shown) {
        return new InvalidRequest("Invalid 'stream_id': expected the stream_id of a connection_ack, got '"
                + InvalidRequest.quote(shown) + "'");
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
