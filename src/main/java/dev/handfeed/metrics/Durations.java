package dev.handfeed.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/** Histograms of durations, all with the same buckets so that panels and alerts can compare them. */
public final class Durations {

    /** 100 µs to 10 s: a hand's path is milliseconds; a quiet-period flush or a stalled disk is seconds. */
    private static final Duration[] BUCKETS = {
        Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
        Duration.ofNanos(2_500_000), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private Durations() {
    }

    /** A timer exposed as the Prometheus histogram {@code NAME_seconds} (buckets, count, sum) and its max. */
    public static Timer histogram(MeterRegistry registry, String name, String description) {
        return Timer.builder(name).description(description).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
