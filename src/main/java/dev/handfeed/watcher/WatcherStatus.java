package dev.handfeed.watcher;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the watcher is doing, for {@code /ws/stats} and {@code /health}; written by the watcher thread only. */
public final class WatcherStatus {

    final LongAdder handsDetected = new LongAdder();
    final LongAdder handsBroadcast = new LongAdder();
    final LongAdder parseErrors = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder historySkipped = new LongAdder();
    final LongAdder restarts = new LongAdder();
    final LongAdder summaryParseErrors = new LongAdder();
    final LongAdder tournamentResults = new LongAdder();
    private final Map<String, String> problems = new ConcurrentHashMap<>();
    private volatile List<String> watchedPaths = List.of();
    private volatile Instant lastHandAt;
    private volatile boolean active;

    public long handsDetected() { return handsDetected.sum(); }
    public long handsBroadcast() { return handsBroadcast.sum(); }
    public long parseErrors() { return parseErrors.sum(); }
    public long duplicatesSkipped() { return duplicates.sum(); }
    public long historySkipped() { return historySkipped.sum(); }
    public long restarts() { return restarts.sum(); }
    public long summaryParseErrors() { return summaryParseErrors.sum(); }
    public long tournamentResults() { return tournamentResults.sum(); }
    public List<String> watchedPaths() { return watchedPaths; }
    public Instant lastHandAt() { return lastHandAt; }
    public boolean active() { return active; }

    /** Why the watcher cannot do its whole job right now (missing folder, failed task), empty when it can. */
    public List<String> problems() {
        return problems.values().stream().sorted().toList();
    }

    void watching(List<String> paths) {
        watchedPaths = List.copyOf(paths);
    }

    void handBroadcast(Instant at) {
        handsBroadcast.increment();
        lastHandAt = at;
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
}
