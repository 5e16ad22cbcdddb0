package dev.handfeed.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.concurrent.TimeUnit;

/**
 * What every text frame written to a client adds up to: messages by type, bytes, and for a hand, how long it took
 * from the watcher seeing its file change to this write. Called from the send's completion handler, once per
 * frame per client: a prefix match, a cached size and two counter increments, plus two histogram records for a
 * hand.
 */
public final class FrameMeters {

    private final Counter[] byType;
    private final Counter bytes;
    private final Timer toEveryClient;
    private final Timer toFirstClient;
    private final Utf8Length sizes = new Utf8Length();
    private final FirstDelivery first = new FirstDelivery();

    public FrameMeters(MeterRegistry registry) {
        byType = FrameTypes.NAMES.stream()
                .map(type -> Counter.builder("handfeed.messages.sent").tag("type", type)
                        .description("Text frames written to clients, by message type").register(registry))
                .toArray(Counter[]::new);
        bytes = Counter.builder("handfeed.sent").baseUnit("bytes")
                .description("Payload bytes (UTF-8) of the text frames written to clients").register(registry);
        toEveryClient = Durations.histogram(registry, "handfeed.hand.delivery",
                "From the watcher seeing a history file change to a hand's frame written, for every client");
        toFirstClient = Durations.histogram(registry, "handfeed.hand.delivery.first.client",
                "From the watcher seeing a history file change to a hand's frame written to its first client");
    }

    /**
     * A frame was written. {@code seenNanos} is when the watcher saw the change it came from (0 for anything but
     * a live hand), {@code eventId} the hand's event id.
     */
    public void written(String frame, long seenNanos, long eventId) {
        byType[FrameTypes.index(frame)].increment();
        bytes.increment(sizes.of(frame));
        if (seenNanos != 0) {
            long took = System.nanoTime() - seenNanos;
            toEveryClient.record(took, TimeUnit.NANOSECONDS);
            if (first.claim(seenNanos, eventId)) {
                toFirstClient.record(took, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Frames written, all types. */
    public long count() {
        double sum = 0;
        for (Counter counter : byType) {
            sum += counter.count();
        }
        return (long) sum;
    }
}
