package dev.handfeed.wire;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class JsonCodecTest {

    /** JSON-B reads public types only. */
    public record WithNull(String type, String heroPosition) {
    }

    private static final Instant AT = Instant.parse("2024-01-01T12:00:00Z");
    private final JsonCodec codec = new JsonCodec();

    @Test
    void connectionAckHasTheContractFieldsTypeFirst() {
        String json = codec.toJson(new ConnectionAck("550e8400-e29b-41d4-a716-446655440000", "overlay", AT,
                "0b9f3c1e-5a7d-4c2e-9f60-1d2e3f405162", 42));
        assertEquals("{\"type\":\"connection_ack\",\"client_id\":\"550e8400-e29b-41d4-a716-446655440000\","
                + "\"client_name\":\"overlay\",\"timestamp\":\"2024-01-01T12:00:00.000Z\","
                + "\"stream_id\":\"0b9f3c1e-5a7d-4c2e-9f60-1d2e3f405162\",\"last_event_id\":42}", json);
    }

    @Test
    void replayMarkersHaveTheContractFieldsTypeFirst() {
        assertEquals("{\"type\":\"replay_complete\",\"from_event_id\":11,\"to_event_id\":310,\"count\":300,"
                + "\"timestamp\":\"2024-01-01T12:00:00.000Z\"}", codec.toJson(new ReplayComplete(11, 310, 300, AT)));
        assertEquals("{\"type\":\"replay_gap\",\"reason\":\"retention\",\"requested_event_id\":5,"
                + "\"first_available_event_id\":120,\"timestamp\":\"2024-01-01T12:00:00.000Z\"}",
                codec.toJson(new ReplayGap(ReplayGap.Reason.RETENTION, 5, 120, AT)));
    }

    @Test
    void heartbeatHasTypeAndMillisecondTimestamp() {
        assertEquals("{\"type\":\"heartbeat\",\"timestamp\":\"2024-01-01T12:00:00.000Z\"}",
                codec.toJson(new Heartbeat(AT)));
    }

    @Test
    void errorCarriesTheMessage() {
        assertEquals("{\"type\":\"error\",\"message\":\"Unknown message type 'foo'\","
                + "\"timestamp\":\"2024-01-01T12:00:00.000Z\"}", codec.toJson(new ErrorMessage("Unknown message type 'foo'", AT)));
    }

    @Test
    void pongHasTypeAndTimestamp() {
        assertEquals("{\"type\":\"pong\",\"timestamp\":\"2024-01-01T12:00:00.000Z\"}", codec.toJson(new Pong(AT)));
    }

    @Test
    void millisecondsAreKeptAndTimeIsUtc() {
        JsonObject json = parse(codec.toJson(new Heartbeat(Instant.parse("2024-06-30T23:59:59.123456Z"))));
        assertEquals("2024-06-30T23:59:59.123Z", json.getString("timestamp"));
    }

    @Test
    void nullValuesAreWrittenNotDropped() {
        JsonObject json = parse(codec.toJson(new WithNull("x", null)));
        assertTrue(json.containsKey("hero_position"));
        assertTrue(json.isNull("hero_position"));
    }

    @Test
    void everyTimestampParsesBack() {
        for (Object message : List.of(new Heartbeat(AT), new Pong(AT), new ErrorMessage("m", AT))) {
            assertEquals(AT, Instant.parse(parse(codec.toJson(message)).getString("timestamp")));
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
