package dev.handfeed.watcher;

import dev.handfeed.hands.HandParser;
import dev.handfeed.journal.Journal;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tailer on real files in a real folder, with a real journal. */
class HistoryTailerTest {

    @TempDir
    Path dir;

    private Path history;
    private Path data;
    private Journal journal;
    private HistoryTailer tailer;
    private final WatcherStatus status = new WatcherStatus(new SimpleMeterRegistry());
    private final List<NewHand> delivered = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        history = Files.createDirectories(dir.resolve("history"));
        data = dir.resolve("data");
        open();
    }

    @AfterEach
    void tearDown() {
        journal.close();
    }

    private void open() {
        journal = Journal.open(data);
        tailer = new HistoryTailer(journal, new HandParser(), null, new JsonCodec(), Clock.systemUTC(), Duration.ZERO,
                deliveries -> deliveries.stream().map(Delivery::message).filter(NewHand.class::isInstance)
                        .forEach(m -> delivered.add((NewHand) m)), status);
    }

    private void restart() {
        journal.close();
        open();
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static void append(Path file, String text) throws IOException {
        append(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> deliveredIds() {
        return delivered.stream().map(NewHand::handId).toList();
    }

    @Test
    void handsAlreadyThereOnTheFirstStartAreHistory() throws IOException {
        Path file = history.resolve("20170107_Nice_real_holdem_no-limit.txt");
        append(file, HandTexts.cash(1) + HandTexts.cash(2));
        tailer.attach(history, true);
        assertEquals(List.of(), delivered);
        assertEquals(2, status.historySkipped());

        append(file, HandTexts.cash(3));
        tailer.changed(file);
        assertEquals(List.of(HandTexts.handId(3)), deliveredIds());
    }

    @Test
    void aFolderThatAppearsWhileRunningHoldsOnlyNews() throws IOException {
        Path later = Files.createDirectories(dir.resolve("later"));
        append(later.resolve("a.txt"), HandTexts.cash(1));
        tailer.attach(later, false);
        assertEquals(List.of(HandTexts.handId(1)), deliveredIds());
        assertEquals(0, status.historySkipped());
    }

    @Test
    void aHandWrittenInChunksIsDeliveredOnceWhenComplete() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("table.txt");
        byte[] hand = HandTexts.cash(1).getBytes(StandardCharsets.UTF_8);
        int[] cuts = {0, hand.length / 3, 2 * hand.length / 3, hand.length};
        for (int i = 0; i < 3; i++) {
            append(file, Arrays.copyOfRange(hand, cuts[i], cuts[i + 1]));
            tailer.changed(file);
            assertEquals(i < 2 ? 0 : 1, delivered.size(), "after chunk " + (i + 1));
        }
        NewHand message = delivered.get(0);
        assertEquals(HandTexts.handId(1), message.handId());
        assertEquals(0, new BigDecimal(HandTexts.HERO_RESULT).compareTo(message.heroResult()));
        assertEquals(HandTexts.HERO_POSITION, message.heroPosition());
        assertEquals(1, message.eventId());
    }

    @Test
    void bytesCutInsideTheEuroSignAreDecodedWhole() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("euro.txt");
        byte[] hand = HandTexts.cash(1).getBytes(StandardCharsets.UTF_8);
        int euro = HandTexts.cash(1).indexOf('€');
        int cut = HandTexts.cash(1).substring(0, euro).getBytes(StandardCharsets.UTF_8).length + 1;
        append(file, Arrays.copyOfRange(hand, 0, cut));
        tailer.changed(file);
        append(file, Arrays.copyOfRange(hand, cut, hand.length));
        tailer.changed(file);
        assertEquals(1, delivered.size());
        assertEquals("0.01/0.02", delivered.get(0).stakes());
        assertEquals("EUR", delivered.get(0).currency());
    }

    @Test
    void cp1252FilesWork() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("old.txt");
        append(file, HandTexts.cash(1).getBytes(Charset.forName("windows-1252")));
        tailer.changed(file);
        assertEquals(1, delivered.size());
        assertEquals("0.01/0.02", delivered.get(0).stakes());
        assertEquals(0, new BigDecimal(HandTexts.HERO_RESULT).compareTo(delivered.get(0).heroResult()));
    }

    @Test
    void aFileWithByteOrderMarkWorks() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("bom.txt");
        append(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        append(file, HandTexts.cash(1));
        tailer.changed(file);
        assertEquals(List.of(HandTexts.handId(1)), deliveredIds());
    }

    @Test
    void aTruncatedOrReplacedFileIsReadAgainWithoutRepeatingHands() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("table.txt");
        append(file, HandTexts.cash(1) + HandTexts.cash(2));
        tailer.changed(file);
        Files.writeString(file, HandTexts.cash(2) + HandTexts.cash(3));
        tailer.changed(file);
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(2), HandTexts.handId(3)), deliveredIds());

        Files.writeString(file, HandTexts.cash(4));
        tailer.changed(file);
        assertEquals(HandTexts.handId(4), deliveredIds().get(3));
        assertEquals(4, delivered.size());
    }

    @Test
    void newFilesAndFilesInSubFoldersAreRead() throws IOException {
        tailer.attach(history, true);
        Path sub = Files.createDirectories(history.resolve("account2").resolve("2024"));
        Path file = sub.resolve("20240101_Paris_real_holdem_no-limit.txt");
        append(file, HandTexts.cash(7));
        tailer.rescan(history);
        assertEquals(List.of(HandTexts.handId(7)), deliveredIds());
    }

    @Test
    void summaryFilesAreNotHands() throws IOException {
        tailer.attach(history, true);
        Path summary = history.resolve("20170412_Expresso(193493816)_real_holdem_no-limit_summary.txt");
        append(summary, HandTexts.tournamentSummary());
        tailer.changed(summary);
        tailer.rescan(history);
        tailer.flushQuiet();
        assertEquals(List.of(), delivered);
        assertEquals(0, status.parseErrors());
    }

    @Test
    void aCorruptHandIsCountedAndSkippedAndTheNextHandsArrive() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("table.txt");
        append(file, HandTexts.cash(1) + HandTexts.corrupt(2) + HandTexts.cash(3));
        tailer.changed(file);
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(3)), deliveredIds());
        assertEquals(1, status.parseErrors());
    }

    @Test
    void theLastHandWithoutBlankLineIsFlushedAfterTheQuietPeriodOnce() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("table.txt");
        append(file, HandTexts.cash(1).stripTrailing() + "\n");
        tailer.changed(file);
        assertEquals(0, delivered.size());
        tailer.flushQuiet();
        assertEquals(List.of(HandTexts.handId(1)), deliveredIds());
        append(file, "\n\n" + HandTexts.cash(2));
        tailer.changed(file);
        tailer.flushQuiet();
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(2)), deliveredIds());
    }

    @Test
    void afterARestartHandsAppendedMeanwhileAreDeliveredOnceAndEventIdsGoOn() throws IOException {
        tailer.attach(history, true);
        Path file = history.resolve("table.txt");
        append(file, HandTexts.cash(1) + HandTexts.cash(2).substring(0, 200));
        tailer.changed(file);
        assertEquals(List.of(HandTexts.handId(1)), deliveredIds());
        long firstEvent = delivered.get(0).eventId();

        restart();
        append(file, HandTexts.cash(2).substring(200) + HandTexts.cash(3));
        tailer.attach(history, true);
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(2), HandTexts.handId(3)), deliveredIds());
        assertTrue(delivered.get(1).eventId() > firstEvent);
        assertTrue(delivered.get(2).eventId() > delivered.get(1).eventId());
        assertEquals(0, status.historySkipped(), "a known folder is not history on later starts");
    }

    @Test
    void theSameHandInTwoFilesIsSentOnce() throws IOException {
        tailer.attach(history, true);
        append(history.resolve("a.txt"), HandTexts.cash(1));
        append(history.resolve("b.txt"), HandTexts.cash(1) + HandTexts.cash(2));
        tailer.rescan(history);
        assertEquals(List.of(HandTexts.handId(1), HandTexts.handId(2)), deliveredIds());
        assertEquals(1, status.duplicatesSkipped());
    }
}
