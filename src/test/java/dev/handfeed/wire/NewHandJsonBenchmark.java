package dev.handfeed.wire;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.testing.HandTexts;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One {@code new_hand} written as the watcher writes it for every hand: through JSON-P's generator
 * ({@link NewHandJson}) and, for comparison, through JSON-B as before. In the package of the codec, for JSON-B's
 * own path.
 * <p>
 * Run: {@code mvn -Pbench-parser test -DskipTests -Dbench=dev.handfeed.wire.NewHandJsonBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class NewHandJsonBenchmark {

    private JsonCodec codec;
    private NewHand hand;

    @Setup(Level.Trial)
    public void setUp() {
        codec = new JsonCodec();
        HandEvent.Parsed parsed = (HandEvent.Parsed) new HandParser().parseAll(HandTexts.cash(1), "bench").get(0);
        hand = NewHand.of(parsed.hand(), 42, Instant.now());
    }

    @Benchmark
    public String generator() {
        return codec.toJson(hand);
    }

    @Benchmark
    public String jsonb() {
        return codec.bound(hand);
    }
}
