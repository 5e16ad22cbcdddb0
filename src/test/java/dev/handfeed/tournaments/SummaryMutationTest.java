package dev.handfeed.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged summaries: cut at every byte, and mutated at random (bytes replaced, dropped, inserted; lines dropped,
 * repeated, swapped). Whatever the damage, the parser answers with entries (a result, a pending block, or a
 * failure naming file and line), never an exception and never a failure of its own; and a prefix of a file never
 * yields a closed entry that the whole file contradicts, since closed entries are acted on at once.
 */
class SummaryMutationTest {

    private static final String SOURCE = "damaged_summary.txt";
    private final TournamentSummaryParser parser = new TournamentSummaryParser();

    /** Every fixture, and every sample summary when the shared corpus is there. */
    static Stream<String> inputs() throws IOException {
        List<String> names = new ArrayList<>(SummaryExpectations.fixtureFiles());
        Path samples = SampleSummaryCorpusTest.samples();
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.matches("summary_.*\\.txt")).sorted()
                        .forEach(n -> names.add("samples/" + n));
            }
        }
        return names.stream();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void everyCutGivesSaneEntriesAndNoClosedEntryTheWholeFileContradicts(String input) {
        byte[] bytes = bytes(input);
        Map<Integer, Object> whole = byEntry(parser.parse(SOURCE, bytes));
        for (int cut = 0; cut <= bytes.length; cut++) {
            byte[] prefix = Arrays.copyOf(bytes, cut);
            List<SummaryEntry> entries = parser.parse(SOURCE, prefix);
            assertSane(entries, prefix, "cut at " + cut);
            for (SummaryEntry entry : entries) {
                if (entry.closed() && !(entry instanceof SummaryEntry.Pending)) {
                    assertEquals(whole.get(entry.entry()), comparable(entry), input + " cut at " + cut);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void randomByteAndLineDamageGivesSaneEntries(String input) {
        byte[] original = bytes(input);
        Random random = new Random(input.hashCode());
        for (int round = 0; round < 200; round++) {
            byte[] damaged = original;
            int operations = 1 + random.nextInt(3);
            for (int i = 0; i < operations; i++) {
                damaged = Damage.once(damaged, random);
            }
            assertSane(parser.parse(SOURCE, damaged), damaged, input + " round " + round);
        }
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void randomCharacterDamageToDecodedTextGivesSaneEntries(String input) {
        String original = new String(bytes(input), StandardCharsets.UTF_8);
        String alphabet = "0123456789 +-.,:()€\r\n\uFEFF\uD800éYou wonBounty Ticket place";
        Random random = new Random(~input.hashCode());
        for (int round = 0; round < 200; round++) {
            StringBuilder text = new StringBuilder(original);
            for (int i = 1 + random.nextInt(4); i > 0 && text.length() > 0; i--) {
                int at = random.nextInt(text.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    default -> text.deleteCharAt(at);
                }
            }
            String damaged = text.toString();
            assertSane(parser.parse(SOURCE, damaged), damaged.getBytes(StandardCharsets.UTF_8),
                    input + " round " + round);
        }
    }

    /** What every answer must be, whatever the input. */
    private static void assertSane(List<SummaryEntry> entries, byte[] input, String what) {
        long lineCount = 1;
        for (byte b : input) {
            lineCount += b == '\n' ? 1 : 0;
        }
        int previous = -1;
        for (SummaryEntry entry : entries) {
            Supplier<String> label = () -> what + ": " + entry;
            assertTrue(entry.entry() > previous, label);
            previous = entry.entry();
            assertTrue(entry.line() >= 1 && entry.line() <= lineCount, label);
            if (entry instanceof SummaryEntry.Failed failed) {
                SummaryParseException e = failed.error();
                assertNull(e.getCause(), () -> what + ": the parser failed by itself: " + e.getMessage());
                assertEquals(SOURCE, e.source(), label);
                assertTrue(e.getMessage().startsWith(SOURCE + ":" + e.line() + ": "), label);
            } else if (entry instanceof SummaryEntry.Result result) {
                TournamentSummary s = result.summary();
                assertEquals(SOURCE, s.source(), label);
                assertTrue(s.tournamentId().chars().allMatch(c -> c >= '0' && c <= '9'), label);
                assertTrue(s.finish() == null || s.finish() >= 1, label);
                if (s.net() != null) {
                    assertEquals(0, s.net().compareTo(s.winnings().money().subtract(s.totalBuyIn())), label);
                }
            }
        }
    }

    private static Map<Integer, Object> byEntry(List<SummaryEntry> entries) {
        Map<Integer, Object> map = new LinkedHashMap<>();
        entries.forEach(e -> map.put(e.entry(), comparable(e)));
        return map;
    }

    private static Object comparable(SummaryEntry entry) {
        return SummaryFixtureTest.comparable(List.of(entry)).get(0);
    }

    private static byte[] bytes(String input) {
        if (!input.startsWith("samples/")) {
            return SummaryExpectations.fixture(input);
        }
        try {
            return Files.readAllBytes(SampleSummaryCorpusTest.samples().resolve(input.substring(8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
