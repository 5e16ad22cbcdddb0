package dev.handfeed.watcher;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.journal.FilePosition;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalEntry;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns file changes into deliveries. Each read of a file ends in one journal record (its new hands and its
 * new offset) and only then are the hands handed on, so that nothing is broadcast that a restart could send
 * again, and nothing is recorded that was not complete; the journal's database is written after the hand-over.
 * Tournament summary files go to the {@link SummaryFollower}, which works the same way. Single-threaded: the watch
 * loop is its only caller.
 */
public final class HistoryTailer {

    private static final Logger LOG = Logger.getLogger(HistoryTailer.class.getName());

    private final Journal journal;
    private final HandParser parser;
    private final JsonCodec codec;
    private final Clock clock;
    private final Duration quietPeriod;
    private final Consumer<List<Delivery>> deliver;
    private final WatcherStatus status;
    private final SummaryFollower summaries;
    private final Map<Path, FileTail> tails = new HashMap<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

    /** @param heroName HERO_NAME, or null: the hand parser applies it itself; summaries use it when they name none */
    public HistoryTailer(Journal journal, HandParser parser, String heroName, JsonCodec codec, Clock clock,
                         Duration quietPeriod, Consumer<List<Delivery>> deliver, WatcherStatus status) {
        this.journal = journal;
        this.parser = parser;
        this.codec = codec;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.deliver = deliver;
        this.status = status;
        this.summaries = new SummaryFollower(journal, heroName, codec, clock, quietPeriod, deliver, status);
    }

    /**
     * First sight of a folder in this run. When the journal has never met it and it is there as the server
     * starts, the hands already in it are history: remembered, never broadcast. A folder that appears while the
     * server runs holds nothing but news, and on later starts everything appended meanwhile is delivered.
     * Summaries have a first start of their own: a journal from before they were followed meets them as history.
     */
    public void attach(Path root, boolean atStart) throws IOException {
        String folder = root.toAbsolutePath().normalize().toString();
        boolean known = journal.flag("baseline:" + folder);
        boolean summariesKnown = journal.flag("summary-baseline:" + folder);
        boolean firstTime = atStart && !known;
        long skippedBefore = status.historySkipped();
        int results = 0;
        List<Path> files = HistoryFiles.list(root);
        long seen = System.nanoTime();
        for (Path file : files) {
            if (HistoryFiles.isSummaryFile(file)) {
                results += summaries.read(file, atStart && !summariesKnown);
            } else {
                read(file, firstTime, seen);
            }
        }
        journal.setFlag("baseline:" + folder);
        journal.setFlag("summary-baseline:" + folder);
        long hands = status.historySkipped() - skippedBefore;
        LOG.info((firstTime ? "First start on " : "Caught up with ") + root + " (" + files.size() + " file(s))"
                + (hands + results > 0 ? "; " + hands + " hand(s) and " + results + " tournament result(s) already"
                + " there are history and were not broadcast" : ""));
    }

    /** A file was created or grew. */
    public void changed(Path file) throws IOException {
        changed(file, System.nanoTime());
    }

    /** A file was created or grew, as the watcher learnt at {@code seenNanos} ({@code System.nanoTime()}). */
    public void changed(Path file, long seenNanos) throws IOException {
        if (HistoryFiles.isHandFile(file)) {
            read(file, false, seenNanos);
        } else if (HistoryFiles.isSummaryFile(file)) {
            summaries.read(file, false);
        }
    }

    /** The safety net for lost events: reads every file whose size differs from what was read. */
    public void rescan(Path root) throws IOException {
        long seen = System.nanoTime();
        for (Path file : HistoryFiles.list(root)) {
            if (HistoryFiles.isSummaryFile(file)) {
                summaries.rescan(file);
                continue;
            }
            FileTail tail = tails.get(file);
            if (tail == null || Files.size(file) != tail.readPosition()) {
                read(file, false, seen);
            }
        }
    }

    /**
     * Emits last hands that stayed without a closing blank line for the quiet period, and settles last summary
     * blocks likewise; returns ms to the next due.
     */
    public long flushQuiet() throws IOException {
        long next = summaries.flushQuiet();
        long now = System.nanoTime();
        for (FileTail tail : tails.values()) {
            if (!tail.awaitsFlush()) {
                continue;
            }
            long left = quietPeriod.toNanos() - tail.quietNanos(now);
            if (left <= 0) {
                // Seen when its bytes were read: the quiet period it waited is part of its delivery time.
                long seen = now - tail.quietNanos(now);
                process(tail, tail.flush(), false, seen);
            } else {
                next = Math.min(next, left);
            }
        }
        return next == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, next / 1_000_000);
    }

    private void read(Path file, boolean history, long seenNanos) throws IOException {
        FileTail tail = tails.computeIfAbsent(file, f ->
                new FileTail(f, parser, journal.position(f.toString()).orElse(FilePosition.START)));
        FileTail.Read read = tail.read(buffer);
        if (read.restarted()) {
            LOG.warning(() -> file + " was truncated or replaced; reading it again from the start"
                    + " (hands already sent are not sent again)");
        }
        List<HandEvent> events = new ArrayList<>(read.events());
        if (history) {
            events.addAll(tail.flush());
        }
        process(tail, events, history, seenNanos);
    }

    private void process(FileTail tail, List<HandEvent> events, boolean history, long seenNanos) {
        Instant now = clock.instant();
        String file = tail.file().toString();
        List<JournalEntry> entries = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        for (HandEvent event : events) {
            if (event instanceof HandEvent.Parsed parsed) {
                String id = parsed.hand().handId();
                if (!batch.add(id) || journal.contains(id)) {
                    status.duplicateSkipped();
                    LOG.fine(() -> "Hand " + id + " in " + file + " was seen before; not sent again");
                } else if (history) {
                    status.skippedAsHistory();
                    entries.add(JournalEntry.history(id, file, now));
                } else {
                    NewHand message = NewHand.of(parsed.hand(), journal.nextEventId(), now);
                    status.handDetected(message);
                    String json = codec.toJson(message);
                    entries.add(new JournalEntry(id, message.eventId(), file, now, message.type(), json));
                    deliveries.add(new Delivery(message, json, seenNanos));
                }
            } else if (event instanceof HandEvent.Failed failed) {
                status.parseError();
                LOG.log(Level.WARNING, "Skipped a hand that could not be read: {0}", failed.error().getMessage());
            }
        }
        FilePosition position = tail.position();
        boolean recorded = !entries.isEmpty() || !position.equals(tail.committed());
        if (recorded) {
            long start = System.nanoTime();
            journal.commit(file, position, entries);
            status.journalCommitted(System.nanoTime() - start);
            tail.committed(position);
        }
        if (!deliveries.isEmpty()) {
            deliver.accept(deliveries);
            // The send woke the clients' readers; a reader on this machine (an overlay, a HUD) is often queued on
            // this core, and what follows here can wait for it: without the yield, a lone client's median was 0.7 ms
            // longer (docs/benchmarks.md).
            Thread.yield();
            // After the hand-over, not before: writing the line took a third of a millisecond off every hand's way.
            LOG.info(() -> deliveries.size() + " new hand(s) from " + file + " (event "
                    + deliveries.get(0).message().eventId() + (deliveries.size() > 1
                    ? " to " + deliveries.get(deliveries.size() - 1).message().eventId() : "") + ")");
        }
        if (recorded) {
            long start = System.nanoTime();
            journal.store();
            status.journalStored(System.nanoTime() - start);
        }
    }
}
