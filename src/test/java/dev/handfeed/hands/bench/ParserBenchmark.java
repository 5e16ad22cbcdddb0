package dev.handfeed.hands.bench;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.hands.HandReader;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single-thread throughput of the whole read path, bytes to {@link dev.handfeed.hands.Hand}s: line splitting,
 * decoding, hand splitting, parsing, accounting, positions. One operation is one hand
 * ({@link OperationsPerInvocation}), so the score is hands/s and {@code gc.alloc.rate.norm} is bytes
 * allocated per hand. MB/s = hands/s x the corpus' bytes per hand, printed at setup.
 * <p>
 * Run: {@code mvn -Pbench-parser test -DskipTests} (see docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 3, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class ParserBenchmark {

    /** Hands in the generated corpus (mixed games; about 100 MB). */
    public static final int HANDS = 100_000;
    private static final int READ_SIZE = 64 * 1024;
    private static final long SEED = 20_240_601L;

    private byte[] corpus;
    private HandParser parser;

    @Setup(Level.Trial)
    public void generate() {
        corpus = new CorpusGenerator(SEED).corpus(HANDS, null);
        parser = new HandParser();
        System.out.printf("%ncorpus: %d hands, %d bytes, %.1f bytes/hand (seed %d)%n",
                HANDS, corpus.length, (double) corpus.length / HANDS, SEED);
    }

    /** The file read as the watcher reads it: 64 KiB at a time through one {@link HandReader}. */
    @Benchmark
    @OperationsPerInvocation(HANDS)
    public long readCorpus(Blackhole sink) {
        HandReader reader = new HandReader("bench", parser);
        long parsed = 0;
        for (int off = 0; off < corpus.length; off += READ_SIZE) {
            parsed += consume(reader.feed(corpus, off, Math.min(READ_SIZE, corpus.length - off)), sink);
        }
        parsed += consume(reader.finish(), sink);
        if (parsed != HANDS) {
            throw new IllegalStateException("parsed " + parsed + " of " + HANDS + " hands");
        }
        return parsed;
    }

    private static long consume(List<HandEvent> events, Blackhole sink) {
        long parsed = 0;
        for (HandEvent event : events) {
            sink.consume(event);
            parsed += event instanceof HandEvent.Parsed ? 1 : 0;
        }
        return parsed;
    }
}
