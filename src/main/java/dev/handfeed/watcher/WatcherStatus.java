package dev.handfeed.watcher;

import dev.handfeed.metrics.Durations;
import dev.handfeed.metrics.HandLabels;
import dev.handfeed.wire.NewHand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the watcher is doing, for {@code /ws/stats}, {@code /health} and {@code /metrics}; recorded by the watcher
 * thread only, through these methods. Hands are counted by {@code game_type} and {@code kind} (see
 * {@link HandLabels}), whose values are a closed set.
 */
public final class WatcherStatus {

    private static final String DETECTED = "handfeed.hands.detected";
    private static final String BROADCAST = "handfeed.hands.broadcast";

    private final MeterRegistry registry;
    private final Map<String, Counter> handCounters = new ConcurrentHashMap<>();
    private final Counter parseErrors;
    private final Counter duplicates;
    private final Counter historySkipped;
    private final Counter restarts;
    private final Timer journalCommits;
    private final Timer journalStores;
    private final Counter summaryParseErrors;
    private final Counter tournamentResults;
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile List<String> watchedPaths = List.of();
    private volatile Instant lastHandAt;
    private volatile boolean active;

    public WatcherStatus(MeterRegistry registry) {
        this.registry = registry;
        parseErrors = counter("handfeed.hand.parse.errors", "Hands that could not be read (logged, then skipped)");
        duplicates = counter("handfeed.duplicate.hands.skipped", "Hands met again and not sent twice");
        historySkipped = counter("handfeed.history.hands.skipped",
                "Hands already in the folder on the very first start: history, not news");
        restarts = counter("handfeed.watcher.restarts", "Times the watcher failed and was restarted");
        summaryParseErrors = counter("handfeed.summary.parse.errors",
                "Tournament summary entries that could not be read (logged, then skipped)");
        tournamentResults = counter("handfeed.tournament.results", "Tournament results handed to the broadcaster");
        journalCommits = Durations.histogram(registry, "handfeed.journal.commit",
                "Time to record a file's new hands and offset before they are broadcast (an append to the embedded"
                        + " journal's log; a transaction on a shared journal)");
        journalStores = Durations.histogram(registry, "handfeed.journal.store",
                "Time to write recorded hands into the embedded journal's database, after their broadcast");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    public long handsDetected() { return sum(DETECTED); }
    public long handsBroadcast() { return sum(BROADCAST); }
    public long parseErrors() { return (long) parseErrors.count(); }
    public long duplicatesSkipped() { return (long) duplicates.count(); }
    public long historySkipped() { return (long) historySkipped.count(); }
    public long restarts() { return (long) restarts.count(); }
    public long summaryParseErrors() { return (long) summaryParseErrors.count(); }
    public long tournamentResults() { return (long) tournamentResults.count(); }

    void summaryParseError() {
        summaryParseErrors.increment();
    }

    void tournamentResult() {
        tournamentResults.increment();
    }
    public List<String> watchedPaths() { return watchedPaths; }
    public Instant lastHandAt() { return lastHandAt; }
    public boolean active() { return active; }

    /** Why the watcher cannot do its whole job right now (missing folder, failed task), empty when it can. */
    public List<String> problems() {
        return problems.values().stream().sorted().toList();
    }

    void handDetected(NewHand hand) {
        handCounter(DETECTED, "New complete hands read", hand).increment();
    }

    void handBroadcast(NewHand hand, Instant at) {
        handCounter(BROADCAST, "Hands handed to the broadcaster (once each)", hand).increment();
        lastHandAt = at;
    }

    void parseError() {
        parseErrors.increment();
    }

    void duplicateSkipped() {
        duplicates.increment();
    }

    void skippedAsHistory() {
        historySkipped.increment();
    }

    void restarted() {
        restarts.increment();
    }

    void journalCommitted(long nanos) {
        journalCommits.record(nanos, TimeUnit.NANOSECONDS);
    }

    void journalStored(long nanos) {
        journalStores.record(nanos, TimeUnit.NANOSECONDS);
    }

    void watching(List<String> paths) {
        watchedPaths = List.copyOf(paths);
    }

    void active(boolean value) {
        active = value;
    }

    /** Records a problem; true when it is new (worth a log line), false when it was already known. */
    boolean problem(String key, String description) {
        return !description.equals(problems.put(key, description));
    }

    /** Clears a problem; true when there was one. */
    boolean solved(String key) {
        return problems.remove(key) != null;
    }

    private Counter handCounter(String name, String description, NewHand hand) {
        String gameType = HandLabels.gameType(hand);
        String kind = HandLabels.kind(hand);
        return handCounters.computeIfAbsent(name + '|' + gameType + '|' + kind, key -> Counter.builder(name)
                .tag("game_type", gameType).tag("kind", kind).description(description).register(registry));
    }

    private long sum(String name) {
        return (long) Search.in(registry).name(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
