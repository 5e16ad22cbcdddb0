package dev.handfeed.watcher;

import dev.handfeed.hands.HandParser;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.wire.Event;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.TournamentResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tournament summary files through the tailer: real files in a real folder, a real journal. */
class SummaryFollowerTest {

    private static final Instant READ_AT = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final String KNOCKOUT = "20251206_STARDUST - SPACE KO(1014872879)_real_holdem_no-limit_summary.txt";
    /** The knockout fixture's message, worked out by hand (as in TournamentResultTest), without its event id. */
    private static final String KNOCKOUT_JSON_AFTER_ID = "\"tournament_id\":\"1014872879\","
            + "\"name\":\"STARDUST - SPACE KO\",\"hero\":\"Q d-chouette\","
            + "\"buy_in\":{\"prize_pool\":4.50,\"rake\":1.00,\"bounty\":4.50,\"currency\":\"EUR\","
            + "\"text\":\"4.50€ + 4.50€ + 1€\"},"
            + "\"registered_players\":523,\"mode\":\"tt\",\"tournament_type\":\"knockout\",\"speed\":\"normal\","
            + "\"started_at\":\"2025-12-06T19:00:00.000Z\",\"played_seconds\":11529,\"finish\":12,"
            + "\"winnings\":{\"cash\":25.42,\"tickets\":[],\"bounties\":18.86},\"net\":34.28,"
            + "\"timestamp\":\"2026-01-02T03:04:05.678Z\",\"entry\":1,\"late_registration\":true,\"flight_id\":0,"
            + "\"tournament_prize_pool\":4707.00,\"rebuys\":null,\"rebuy_cost\":null,\"addons\":null,"
            + "\"addon_cost\":null,\"total_rebuys\":null,\"total_addons\":null,\"total_buy_in\":10.00}";

    @TempDir
    Path dir;

    private Path history;
    private Path data;
    private Journal journal;
    private HistoryTailer tailer;
    private Duration quiet = Duration.ZERO;
    private String heroName;
    private final WatcherStatus status = new WatcherStatus(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    private final List<Event> delivered = new ArrayList<>();
    private final List<String> sent = new ArrayList<>();
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Logger log = Logger.getLogger(SummaryFollower.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                warnings.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void setUp() throws IOException {
        history = Files.createDirectories(dir.resolve("history"));
        data = dir.resolve("data");
        log.addHandler(capture);
        open();
    }

    @AfterEach
    void tearDown() {
        log.removeHandler(capture);
        journal.close();
    }

    private void open() {
        journal = Journal.open(data);
        tailer = new HistoryTailer(journal, new HandParser(), heroName, new JsonCodec(),
                Clock.fixed(READ_AT, ZoneOffset.UTC), quiet, deliveries -> deliveries.forEach(d -> {
                    // Record, then broadcast: what is handed on is in the journal already, exactly as sent.
                    assertEquals(List.of(new StoredEvent(d.message().eventId(), d.message().type(), d.json())),
                            journal.events().after(d.message().eventId() - 1, 1));
                    delivered.add(d.message());
                    sent.add(d.json());
                }), status);
    }

    private void restart() {
        journal.close();
        open();
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = SummaryFollowerTest.class.getResourceAsStream("/summaries/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private List<TournamentResult> results() {
        return delivered.stream().filter(TournamentResult.class::isInstance).map(TournamentResult.class::cast).toList();
    }

    @Test
    void aNewSummaryIsOneResultWithTheExactValues() throws IOException {
        tailer.attach(history, true);
        Path file = Files.write(history.resolve(KNOCKOUT), fixture("knockout_2025_cash_and_bounty.txt"));
        tailer.changed(file);
        tailer.changed(file);
        tailer.flushQuiet();
        assertEquals(List.of("{\"type\":\"tournament_result\",\"event_id\":1," + KNOCKOUT_JSON_AFTER_ID), sent);
        assertEquals(0, status.summaryParseErrors());
    }

    @Test
    void theSameSummaryRewrittenCopiedOrMetAfterARestartIsNotSentAgain() throws IOException {
        tailer.attach(history, true);
        byte[] summary = fixture("knockout_2025_cash_and_bounty.txt");
        Path file = Files.write(history.resolve(KNOCKOUT), summary);
        tailer.changed(file);
        assertEquals(1, delivered.size());

        Files.write(file, summary);
        tailer.changed(file);
        Files.writeString(file, new String(summary, StandardCharsets.UTF_8).replace("\n", "\r\n"));
        tailer.changed(file);
        Path copy = Files.createDirectories(history.resolve("backup")).resolve(KNOCKOUT);
        Files.write(copy, summary);
        tailer.rescan(history);
        restart();
        tailer.attach(history, true);
        Files.write(file, summary);
        tailer.changed(file);
        tailer.flushQuiet();

        assertEquals(1, delivered.size());
        assertEquals(1, journal.events().count());
        assertEquals(0, status.summaryParseErrors());
    }

    @Test
    void aReEntryAppendedLaterIsSentAloneAfterTheFirstEntry() throws IOException {
        tailer.attach(history, true);
        String both = new String(fixture("reentry_two_blocks.txt"), StandardCharsets.UTF_8);
        int second = both.indexOf("Winamax Poker", 1);
        Path file = history.resolve("20210314_POUR LA DARONNE(492049891)_real_holdem_no-limit_summary.txt");
        append(file, both.substring(0, second));
        tailer.changed(file);
        append(file, both.substring(second));
        tailer.changed(file);

        List<TournamentResult> results = results();
        assertEquals(List.of(1, 2), results.stream().map(TournamentResult::entry).toList());
        assertEquals(List.of(1L, 2L), results.stream().map(TournamentResult::eventId).toList());
        assertEquals(new BigDecimal("-10.00"), results.get(0).net());
        assertEquals(new BigDecimal("1255.03"), results.get(1).net());
    }

    @Test
    void anOpenLastBlockIsSentOnceTheFileWasQuietNotBefore() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("20170412_Expresso(193493816)_real_holdem_no-limit_summary.txt");
        append(file, HandTexts.tournamentSummary());
        tailer.changed(file);
        assertEquals(List.of(), delivered, "no blank line after the block: Winamax may still be writing it");
        tailer.flushQuiet();
        tailer.flushQuiet();
        assertEquals(1, delivered.size());
        assertEquals(new BigDecimal("25.00"), results().get(0).net());
    }

    @Test
    void whileTheFileIsNotQuietTheBlockWaitsAndWhatIsAddedMeanwhileCounts() throws IOException {
        quiet = Duration.ofHours(1);
        restart();
        tailer.attach(history, true);
        Path file = history.resolve("20170412_Expresso(193493816)_real_holdem_no-limit_summary.txt");
        String text = HandTexts.tournamentSummary();
        int won = text.indexOf("You won");
        append(file, text.substring(0, won));
        tailer.changed(file);
        long due = tailer.flushQuiet();
        assertEquals(List.of(), delivered);
        assertTrue(due > 3_000_000, "the next look is an hour away, not a busy loop: " + due + " ms");

        append(file, text.substring(won) + "\n");
        tailer.changed(file);
        assertEquals(1, delivered.size(), "a blank line closes the block at once");
        assertEquals(new BigDecimal("50.00"), results().get(0).winnings().cash());
    }

    @Test
    void unreadableBlocksAreLoggedOnceWithFileAndLineCountedAndSkippedTheNextResultsArrive() throws IOException {
        tailer.attach(history, true);
        Path file = Files.write(history.resolve("x_summary.txt"), fixture("unreadable_blocks.txt"));
        tailer.changed(file);
        assertEquals(List.of("100", "700"), results().stream().map(TournamentResult::tournamentId).toList());
        assertEquals(6, status.summaryParseErrors());
        List<String> lines = warnings.stream().map(r -> new SimpleFormatter().formatMessage(r)).toList();
        assertEquals(6, lines.size(), lines.toString());
        long[] at = {8, 14, 19, 24, 26, 30};
        for (int i = 0; i < at.length; i++) {
            assertTrue(lines.get(i).contains(file + ":" + at[i] + ": "), lines.get(i));
            assertTrue(!lines.get(i).contains("\n"), "one line");
            assertNull(warnings.get(i).getThrown(), "no stack trace");
        }

        append(file, "Winamax Poker - Tournament summary : Good Three(800)\nYou finished in 1st place\n\n");
        tailer.changed(file);
        restart();
        tailer.attach(history, true);
        Files.write(file, Files.readAllBytes(file));
        tailer.changed(file);
        assertEquals(List.of("100", "700", "800"), results().stream().map(TournamentResult::tournamentId).toList());
        assertEquals(6, status.summaryParseErrors(), "each unreadable block counted once, also across restarts");
        assertEquals(6, warnings.size(), "and logged once");
    }

    @Test
    void aFileTooLargeToBeASummaryIsOneErrorAndIsNotRead() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("huge_summary.txt");
        Files.write(file, new byte[2 << 20]);
        tailer.changed(file);
        append(file, "more");
        tailer.changed(file);
        assertEquals(1, status.summaryParseErrors());
        assertEquals(List.of(), delivered);
    }

    @Test
    void summariesAlreadyThereOnTheFirstStartAreHistory() throws IOException {
        Files.write(history.resolve(KNOCKOUT), fixture("knockout_2025_cash_and_bounty.txt"));
        String both = new String(fixture("reentry_two_blocks.txt"), StandardCharsets.UTF_8);
        int second = both.indexOf("Winamax Poker", 1);
        Path reentry = history.resolve("20210314_POUR LA DARONNE(492049891)_real_holdem_no-limit_summary.txt");
        append(reentry, both.substring(0, second));
        tailer.attach(history, true);
        assertEquals(List.of(), delivered);

        append(reentry, both.substring(second));
        tailer.changed(reentry);
        assertEquals(List.of(2), results().stream().map(TournamentResult::entry).toList());
    }

    @Test
    void aJournalFromBeforeSummariesMeetsThoseAlreadyThereAsHistoryAndHandsAsNews() throws IOException {
        journal.setFlag("baseline:" + history.toAbsolutePath().normalize());
        Files.write(history.resolve(KNOCKOUT), fixture("knockout_2025_cash_and_bounty.txt"));
        append(history.resolve("table.txt"), HandTexts.cash(1));
        tailer.attach(history, true);
        assertEquals(1, delivered.size());
        assertEquals("new_hand", delivered.get(0).type());

        Path next = Files.write(history.resolve("y_summary.txt"), fixture("reentry_two_blocks.txt"));
        tailer.changed(next);
        assertEquals(List.of("492049891", "492049891"),
                results().stream().map(TournamentResult::tournamentId).toList());
    }

    @Test
    void heroNameStandsInForAMissingPlayerLineWithoutMakingOldResultsNewWhenItChanges() throws IOException {
        heroName = "Me";
        restart();
        tailer.attach(history, true);
        Path file = Files.write(history.resolve("x_summary.txt"), fixture("unreadable_blocks.txt"));
        tailer.changed(file);
        assertEquals(List.of("Hero", "Me"), results().stream().map(TournamentResult::hero).toList(),
                "Good One names its player; Good Two has no Player line");

        heroName = "Someone else";
        restart();
        tailer.attach(history, true);
        assertEquals(2, delivered.size());
    }

    @Test
    void handsAndResultsShareOneSequenceOfEventsInTheOrderTheyWereRead() throws IOException {
        tailer.attach(history, true);
        Path table = history.resolve("table.txt");
        append(table, HandTexts.cash(1));
        tailer.changed(table);
        Path summary = Files.write(history.resolve(KNOCKOUT), fixture("knockout_2025_cash_and_bounty.txt"));
        tailer.changed(summary);
        append(table, HandTexts.cash(2));
        tailer.changed(table);

        assertEquals(List.of("new_hand", "tournament_result", "new_hand"),
                journal.events().after(0, 10).stream().map(StoredEvent::type).toList());
        assertEquals(List.of(1L, 2L, 3L), delivered.stream().map(Event::eventId).toList());
        assertEquals(List.of(), journal.events().after(3, 10));
    }
}
