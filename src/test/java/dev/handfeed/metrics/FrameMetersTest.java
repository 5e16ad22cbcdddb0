package dev.handfeed.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The meters of written frames, in a real Prometheus registry. */
class FrameMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final FrameMeters meters = new FrameMeters(registry);

    private double sent(String type) {
        return registry.get("handfeed.messages.sent").tag("type", type).counter().count();
    }

    @Test
    void framesAreCountedByTypeWithTheirBytesAndHandsTimedPerClientAndOnceForTheFirst() {
        String beat = "{\"type\":\"heartbeat\",\"timestamp\":\"2024-01-01T12:00:00.000Z\"}";
        String hand5 = "{\"type\":\"new_hand\",\"event_id\":5,\"hero\":\"Thör\"}";
        String hand6 = "{\"type\":\"new_hand\",\"event_id\":6,\"hero\":\"Thör\"}";
        long seen = System.nanoTime() - 2_000_000; // seen 2 ms ago
        for (int client = 0; client < 3; client++) {
            meters.written(beat, 0, 0);
            meters.written(hand5, seen, 5);
            meters.written(hand6, seen, 6);
        }
        meters.written("{\"type\":\"pong\"}", 0, 0);

        assertEquals(3, sent("heartbeat"));
        assertEquals(6, sent("new_hand"));
        assertEquals(1, sent("pong"));
        assertEquals(0, sent("other"));
        assertEquals(10, meters.count());
        long bytes = 3L * (beat.length() + 2 * hand5.getBytes(StandardCharsets.UTF_8).length) + 15;
        assertEquals(bytes, registry.get("handfeed.sent").counter().count());
        assertEquals(6, registry.get("handfeed.hand.delivery").timer().count(), "every client's write of a hand");
        assertEquals(2, registry.get("handfeed.hand.delivery.first.client").timer().count(), "once per hand");
        assertTrue(registry.get("handfeed.hand.delivery.first.client").timer().max(java.util.concurrent.TimeUnit.NANOSECONDS)
                >= 2_000_000, "measured from when the change was seen");

        String exposition = registry.scrape();
        assertTrue(exposition.contains("handfeed_messages_sent_total{type=\"new_hand\"} 6.0"), exposition);
        assertTrue(exposition.contains("handfeed_sent_bytes_total " + (double) bytes), exposition);
        assertTrue(exposition.contains("handfeed_hand_delivery_seconds_bucket{le=\"0.0025\"}"), exposition);
    }
}
