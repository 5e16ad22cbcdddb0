package dev.handfeed.watcher;

import dev.handfeed.journal.Journal;
import dev.handfeed.journal.SummaryRecord;
import dev.handfeed.tournaments.SummaryEntry;
import dev.handfeed.tournaments.TournamentSummary;
import dev.handfeed.tournaments.TournamentSummaryParser;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.TournamentResult;

import java.io.IOException;
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
 * Turns tournament summary files into {@code tournament_result} events. Winamax rewrites a summary file whole or
 * appends a whole block to it, and the files are small, so a change means: parse the whole file again. Each entry
 * is dealt with once, ever, under its key in the journal: a result is recorded with its event in one transaction and
 * only then handed on; an unreadable block is logged and counted once; entries there on the first start are history.
 * The last block, while Winamax may still be writing it, waits until the file has been unchanged for the quiet
 * period and is parsed again then. Single-threaded, like the {@link HistoryTailer} that calls it.
 */
final class SummaryFollower {

    private static final Logger LOG = Logger.getLogger(SummaryFollower.class.getName());

    private final Journal journal;
    private final TournamentSummaryParser parser = new TournamentSummaryParser();
    private final String heroName;
    private final JsonCodec codec;
    private final Clock clock;
    private final Duration quietPeriod;
    private final Consumer<List<Delivery>> deliver;
    private final WatcherStatus status;
    private final Map<Path, SummaryFile> files = new HashMap<>();

    /** @param heroName HERO_NAME, for blocks without a {@code Player} line; null when not set */
    SummaryFollower(Journal journal, String heroName, JsonCodec codec, Clock clock, Duration quietPeriod,
                    Consumer<List<Delivery>> deliver, WatcherStatus status) {
        this.journal = journal;
        this.heroName = heroName;
        this.codec = codec;
        this.clock = clock;
        this.quietPeriod = quietPeriod;
        this.deliver = deliver;
        this.status = status;
    }

    /**
     * A summary file was created or changed, or is met as a folder is attached. {@code history}: the very first
     * start, when what is there is remembered, not sent. Returns the results remembered as history.
     */
    int read(Path file, boolean history) throws IOException {
        SummaryFile summary = files.computeIfAbsent(file, SummaryFile::new);
        SummaryFile.Snapshot snapshot = summary.read();
        if (snapshot == null || !snapshot.changed()) {
            return 0;
        }
        return process(summary, parse(summary, snapshot), history, history);
    }

    /** The safety net for lost events: reads the file again when its size or time says it changed. */
    void rescan(Path file) throws IOException {
        SummaryFile summary = files.get(file);
        if (summary == null || summary.looksChanged()) {
            read(file, false);
        }
    }

    /** Settles last blocks that stayed unchanged for the quiet period; returns nanoseconds to the next one due. */
    long flushQuiet() throws IOException {
        long next = Long.MAX_VALUE;
        for (SummaryFile summary : files.values()) {
            if (!summary.awaitsQuiet()) {
                continue;
            }
            long left = quietPeriod.toNanos() - summary.quietNanos(System.nanoTime());
            if (left <= 0) {
                SummaryFile.Snapshot snapshot = summary.read();
                if (snapshot == null) {
                    summary.awaitsQuiet(false);
                    continue;
                }
                // A change since the last read starts the wait again; otherwise what is there now is final.
                process(summary, parse(summary, snapshot), false, !snapshot.changed());
                left = summary.awaitsQuiet() ? quietPeriod.toNanos() : Long.MAX_VALUE;
            }
            next = Math.min(next, left);
        }
        return next;
    }

    private List<SummaryEntry> parse(SummaryFile summary, SummaryFile.Snapshot snapshot) throws IOException {
        return snapshot.bytes() == null ? parser.parse(summary.file())
                : parser.parse(summary.file().toString(), snapshot.bytes());
    }

    /** @param actOnOpen take a block Winamax may still be writing as it is: on the first start, or once quiet */
    private int process(SummaryFile summary, List<SummaryEntry> entries, boolean history, boolean actOnOpen) {
        Instant now = clock.instant();
        String file = summary.file().toString();
        List<SummaryRecord> records = new ArrayList<>();
        List<Delivery> deliveries = new ArrayList<>();
        Set<String> batch = new HashSet<>();
        boolean waiting = false;
        int remembered = 0;
        for (SummaryEntry entry : entries) {
            if (entry instanceof SummaryEntry.Pending) {
                continue; // no finish line yet: not a result; the file is parsed again when it changes
            }
            if (!entry.closed() && !actOnOpen) {
                waiting = true;
                continue;
            }
            String key = key(entry, file);
            if (!batch.add(key) || journal.knowsSummaryEntry(key)) {
                LOG.fine(() -> "Summary entry " + key + " in " + file + " was dealt with before; not again");
            } else if (entry instanceof SummaryEntry.Failed failed) {
                status.summaryParseError();
                LOG.log(Level.WARNING, "Skipped a tournament summary block that could not be read: {0}",
                        failed.error().getMessage());
                records.add(SummaryRecord.remembered(key, file, now));
            } else if (history) {
                remembered++;
                records.add(SummaryRecord.remembered(key, file, now));
            } else {
                TournamentResult message = TournamentResult.of(withHero(((SummaryEntry.Result) entry).summary()),
                        journal.nextEventId(), now);
                String json = codec.toJson(message);
                records.add(new SummaryRecord(key, message.eventId(), file, now, message.type(), json));
                deliveries.add(new Delivery(message, json, System.nanoTime()));
            }
        }
        summary.awaitsQuiet(waiting);
        if (!records.isEmpty()) {
            journal.commitSummaryEntries(file, records);
        }
        if (!deliveries.isEmpty()) {
            LOG.info(() -> deliveries.size() + " tournament result(s) from " + file + " (event "
                    + deliveries.get(0).message().eventId() + (deliveries.size() > 1
                    ? " to " + deliveries.get(deliveries.size() - 1).message().eventId() : "") + ")");
            deliver.accept(deliveries);
        }
        return remembered;
    }

    private TournamentSummary withHero(TournamentSummary summary) {
        return summary.hero() == null && heroName != null ? summary.withHero(heroName) : summary;
    }

    /**
     * What makes an entry the same one when it is met again (a file rewritten, copied, read after a restart). A
     * result: tournament id, entry number and player as written (not HERO_NAME: setting it later must not make old
     * results new; the player tells apart two accounts in one tournament). An unreadable block: its place.
     */
    private static String key(SummaryEntry entry, String file) {
        if (entry instanceof SummaryEntry.Result result) {
            TournamentSummary s = result.summary();
            return "result:" + s.tournamentId() + "/" + s.entry() + "/" + (s.hero() == null ? "" : s.hero());
        }
        return "unreadable:" + entry.line() + ":" + file;
    }
}
