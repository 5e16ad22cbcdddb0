package dev.handfeed.metrics.bench;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.metrics.FrameMeters;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.wire.Heartbeat;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * What metrics add to each frame written to a client: {@link FrameMeters#written} as the send's completion handler
 * calls it, for a hand (type, bytes, delivery histogram, first-client check) and for a heartbeat (type, bytes),
 * on two threads as the container's completion threads call it. The hand is a real {@code new_hand} as the codec
 * writes it, the same text for every call, as a broadcast hands it to every client.
 * <p>
 * Run: {@code mvn -Pbench-parser test -DskipTests -Dbench=dev.handfeed.metrics.bench.FrameMetersBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Threads(2)
public class FrameMetersBenchmark {

    private FrameMeters meters;
    private String hand;
    private String heartbeat;
    private long seenNanos;

    @Setup(Level.Trial)
    public void setUp() {
        meters = new FrameMeters(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
        JsonCodec codec = new JsonCodec();
        HandEvent.Parsed parsed = (HandEvent.Parsed) new HandParser().parseAll(HandTexts.cash(1), "bench").get(0);
        hand = codec.toJson(NewHand.of(parsed.hand(), 42, Instant.now()));
        heartbeat = codec.toJson(new Heartbeat(Instant.now()));
        seenNanos = System.nanoTime();
    }

    /** One client's write of a hand: every client after the first takes this path. */
    @Benchmark
    public void handWritten() {
        meters.written(hand, seenNanos, 42);
    }

    @Benchmark
    public void heartbeatWritten() {
        meters.written(heartbeat, 0, 0);
    }
}
