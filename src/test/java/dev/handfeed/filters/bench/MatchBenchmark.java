package dev.handfeed.filters.bench;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.Filters;
import dev.handfeed.wire.NewHand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the broadcast pays to judge one hand against 1 000 clients' filters: the hand's facts once, then one match
 * per client, with a realistic mix (a third unfiltered, the rest on game, kind, stakes, table, hero_dealt).
 * Run: {@code mvn -Pbench-parser test -DskipTests -Dbench=MatchBenchmark} (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class MatchBenchmark {

    private static final int CLIENTS = 1_000;

    private Filters[] clients;
    private NewHand hand;

    @Setup
    public void setUp() {
        Random random = new Random(42);
        List<Filters> kinds = List.of(Filters.NONE,
                new Filters(Set.of("NLH", "PLO"), null, Set.of("cash"), null, null, null),
                new Filters(null, null, Set.of("tournament"), null, null, null),
                new Filters(null, Set.of("0.05/0.10", "0.10/0.25"), null, true, null, null),
                new Filters(Set.of("PLO"), null, null, null, Set.of("Nice", "Paris"), Set.of("new_hand")));
        clients = new Filters[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            clients[i] = i % 3 == 0 ? Filters.NONE : kinds.get(1 + random.nextInt(kinds.size() - 1));
        }
        hand = new NewHand("new_hand", 1, "1-2-3", Instant.EPOCH, new BigDecimal("0.07"), "CO", "NLH", "0.05/0.10",
                Instant.EPOCH, "winamax", "hero", "EUR", "Nice", 6, 1, null, List.of("Qd", "Qh"), List.of(), 4,
                new BigDecimal("0.10"), true, true);
    }

    /** Returns how many clients take the hand (so that nothing is optimised away). */
    @Benchmark
    public int judgeOneHandForAllClients() {
        EventFacts facts = EventFacts.of(hand);
        int taking = 0;
        for (Filters filters : clients) {
            if (filters.matches(facts)) {
                taking++;
            }
        }
        return taking;
    }
}
