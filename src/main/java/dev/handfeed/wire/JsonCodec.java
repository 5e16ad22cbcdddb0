package dev.handfeed.wire;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyOrderStrategy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one {@link Jsonb} of the application. Records are written in snake_case, in the order their
 * {@code @JsonbPropertyOrder} gives ({@code type} first), with nulls kept: {@code "hero_result": null} is part of
 * the contract.
 */
@ApplicationScoped
public class JsonCodec {

    /** ISO-8601 UTC with exactly three fraction digits, as the contract shows: 2024-01-01T12:00:00.000Z. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL)
            .withNullValues(true)
            .withAdapters(new InstantAsText()));

    public String toJson(Object value) {
        return value instanceof NewHand hand ? NewHandJson.write(hand) : jsonb.toJson(value);
    }

    /** A message with its text, written once for however many clients receive it. */
    public Encoded encode(WireMessage message) {
        return new Encoded(message, toJson(message));
    }

    /** JSON-B's own text for any value, {@code new_hand} included: what {@link NewHandJson} is held to. */
    String bound(Object value) {
        return jsonb.toJson(value);
    }

    public <T> T fromJson(String json, Class<T> type) {
        return jsonb.fromJson(json, type);
    }

    /** Default JSON-B drops zero milliseconds (ISO_INSTANT); clients parse a fixed shape. */
    public static final class InstantAsText implements JsonbAdapter<Instant, String> {
        @Override
        public String adaptToJson(Instant instant) {
            return TIMESTAMP.format(instant);
        }

        @Override
        public Instant adaptFromJson(String text) {
            return Instant.parse(text);
        }
    }
}
