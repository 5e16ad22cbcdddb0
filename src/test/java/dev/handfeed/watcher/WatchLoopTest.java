package dev.handfeed.watcher;

import dev.handfeed.hands.HandParser;
import dev.handfeed.journal.Journal;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.wire.Event;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import dev.handfeed.wire.TournamentResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loop with the real WatchService (inotify on Linux) on a real folder. */
class WatchLoopTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final WatcherStatus status = new WatcherStatus(new SimpleMeterRegistry());
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private Journal journal;
    private Future<?> running;

    @AfterEach
    void stop() throws Exception {
        stopping = true;
        thread.shutdownNow();
        assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS), "watch loop stops when interrupted");
        journal.close();
    }

    /** Rescans only every minute: what arrives in these tests arrives through file events. */
    private void start(Path root, boolean create, Duration rescan) {
        journal = Journal.open(dir.resolve("data"));
        HistoryTailer tailer = new HistoryTailer(journal, new HandParser(), null, new JsonCodec(), Clock.systemUTC(),
                Duration.ofMillis(100), deliveries -> deliveries.forEach(d -> delivered.add(name(d.message()))), status);
        WatchLoop loop = new WatchLoop(() -> new HistoryFolders.Resolution(List.of(root), create, "test"), tailer,
                status, rescan, FileSystems.getDefault());
        running = thread.submit(() -> {
            loop.run(() -> stopping);
            return null;
        });
    }

    private static String name(Event event) {
        return event instanceof TournamentResult result ? "tournament " + result.tournamentId() + "/" + result.entry()
                : ((NewHand) event).handId();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void appendedHandsAndFilesInFoldersCreatedLaterArriveThroughEvents() throws IOException {
        Path root = dir.resolve("history");
        start(root, true, Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> status.watchedPaths().contains(root.toString()));

        append(root.resolve("a.txt"), HandTexts.cash(1));
        await().atMost(WAIT).until(() -> delivered.equals(List.of(HandTexts.handId(1))));

        Path later = Files.createDirectories(root.resolve("account").resolve("history"));
        append(later.resolve("b.txt"), HandTexts.cash(2));
        await().atMost(WAIT).until(() -> delivered.contains(HandTexts.handId(2)));
        append(later.resolve("b.txt"), HandTexts.cash(3));
        await().atMost(WAIT).until(() -> delivered.size() == 3);
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(2), HandTexts.handId(3)), delivered);
    }

    @Test
    void aLastHandWithoutBlankLineArrivesAfterTheQuietPeriod() throws IOException {
        Path root = Files.createDirectories(dir.resolve("history"));
        start(root, false, Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> status.watchedPaths().contains(root.toString()));
        append(root.resolve("a.txt"), HandTexts.cash(1).stripTrailing());
        await().atMost(WAIT).until(() -> delivered.equals(List.of(HandTexts.handId(1))));
    }

    @Test
    void aSummaryInAFolderCreatedLaterArrivesThroughEventsItsOpenLastBlockAfterTheQuietPeriod() throws IOException {
        Path root = Files.createDirectories(dir.resolve("history"));
        start(root, false, Duration.ofMinutes(1));
        await().atMost(WAIT).until(() -> status.watchedPaths().contains(root.toString()));
        Path later = Files.createDirectories(root.resolve("account").resolve("history"));
        // No blank line after the block: Winamax might still be writing it.
        append(later.resolve("20170412_Expresso(193493816)_real_holdem_no-limit_summary.txt"),
                HandTexts.tournamentSummary());
        append(later.resolve("b.txt"), HandTexts.cash(1));
        await().atMost(WAIT).until(() -> delivered.size() == 2);
        assertEquals(List.of(HandTexts.handId(1), "tournament 193493816/1"), delivered,
                "the hand at once, the summary once the file was quiet");
    }

    /** The watcher's stop gives the loop 3 s before it interrupts it; nothing on disk may make it wait longer. */
    @Test
    void theLoopEndsOnItsFlagWhileNothingHappensAndTheRescanIsAnHourAway() throws Exception {
        Path root = Files.createDirectories(dir.resolve("quiet"));
        start(root, false, Duration.ofHours(1));
        await().atMost(WAIT).until(() -> status.watchedPaths().contains(root.toString()));
        stopping = true;
        running.get(WAIT.toSeconds(), TimeUnit.SECONDS); // an hour without the cap on each wait
        assertTrue(running.isDone());
    }

    @Test
    void aMissingFolderIsAProblemUntilItAppears() throws IOException {
        Path root = dir.resolve("not-yet");
        start(root, false, Duration.ofMillis(200));
        await().atMost(WAIT).until(() -> !status.problems().isEmpty());
        assertTrue(status.problems().get(0).contains("does not exist"), status.problems().toString());

        Files.createDirectories(root);
        await().atMost(WAIT).until(() -> status.problems().isEmpty());
        append(root.resolve("a.txt"), HandTexts.cash(1));
        await().atMost(WAIT).until(() -> delivered.equals(List.of(HandTexts.handId(1))));
    }
}
