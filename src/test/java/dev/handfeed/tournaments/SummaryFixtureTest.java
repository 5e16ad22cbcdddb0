package dev.handfeed.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own summary files under {@code src/test/resources/summaries/fixtures}, one per layout and per
 * kind of trouble, against values worked out by hand in {@code fixtures/expected.json}.
 */
class SummaryFixtureTest {

    private static final JsonObject EXPECTED = SummaryExpectations.load("/summaries/fixtures/expected.json");
    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final TournamentSummaryParser parser = new TournamentSummaryParser();

    static Stream<String> files() {
        return SummaryExpectations.fixtureFiles().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFixtureGivesItsExpectedEntries(String file) {
        List<SummaryEntry> entries = parser.parse(file, SummaryExpectations.fixture(file));
        SummaryExpectations.check(file, EXPECTED.getJsonArray(file), entries, file);
    }

    /** The fixtures written in UTF-8 (all but the cp1252 one). */
    static Stream<String> utf8Files() {
        return files().filter(f -> validUtf8(SummaryExpectations.fixture(f)));
    }

    /** The same summaries with CRLF and a byte-order mark, and in cp1252, give the same entries. */
    @ParameterizedTest
    @MethodSource("utf8Files")
    void lineEndsByteOrderMarkAndCp1252DoNotChangeTheEntries(String file) {
        byte[] bytes = SummaryExpectations.fixture(file);
        String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
        String lf = text.replace("\r\n", "\n");
        List<Object> reference = comparable(parser.parse(file, lf.getBytes(StandardCharsets.UTF_8)));
        byte[] bom = ("\uFEFF" + lf.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
        assertEquals(reference, comparable(parser.parse(file, bom)), "CRLF with a byte-order mark");
        assertEquals(reference, comparable(parser.parse(file, lf.replace("\n", "\r\n").getBytes(CP1252))), "cp1252");
        assertEquals(reference, comparable(parser.parse(file, lf)), "decoded text");
    }

    @Test
    void theCp1252FixtureReadsLikeItsUtf8Twin() {
        String text = new String(SummaryExpectations.fixture("cp1252_crlf.txt"), CP1252);
        assertEquals(comparable(parser.parse("f", text.getBytes(StandardCharsets.UTF_8))),
                comparable(parser.parse("f", SummaryExpectations.fixture("cp1252_crlf.txt"))));
    }

    @Test
    void anEmptyOrBlankFileHasNoEntryYet() {
        assertEquals(List.of(), parser.parse("f", new byte[0]));
        assertEquals(List.of(), parser.parse("f", "\r\n\n  \n"));
    }

    @Test
    void aHalfWrittenFirstLineIsAFailureThatIsNotClosed() {
        List<SummaryEntry> entries = parser.parse("f", "Winamax Poker - Tournament summ");
        SummaryEntry.Failed failed = assertInstanceOf(SummaryEntry.Failed.class, entries.get(0));
        assertEquals(1, failed.line());
        assertFalse(failed.closed());
    }

    @Test
    void aHandHistoryIsNotASummary() {
        SummaryEntry.Failed failed = assertInstanceOf(SummaryEntry.Failed.class, parser.parse("f",
                "Winamax Poker - CashGame - HandId: #1-2-3 - Holdem no limit (0.01€/0.02€) - 2017/01/08 04:45:12 UTC\n"
                        + "Table: 'Nice' 5-max (real money) Seat #1 is the button\n\n").get(0));
        assertTrue(failed.error().getMessage().startsWith("f:1: not a tournament summary"), failed.error().getMessage());
        assertEquals(1, failed.entry());
    }

    @Test
    void aFileLargerThanTheLimitIsNotRead(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big_summary.txt");
        Files.write(big, new byte[TournamentSummaryParser.MAX_FILE_BYTES + 1]);
        SummaryEntry.Failed failed = assertInstanceOf(SummaryEntry.Failed.class, parser.parse(big).get(0));
        assertTrue(failed.error().getMessage().contains("larger than"), failed.error().getMessage());
        assertEquals(big.toString(), failed.error().source());
    }

    @Test
    void aFileIsReadFromDisk(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("20191231_Expresso Nitro(400500600)_real_holdem_no-limit_summary.txt");
        Files.write(file, SummaryExpectations.fixture("expresso_2019_open_end.txt"));
        SummaryEntry.Result result = assertInstanceOf(SummaryEntry.Result.class, parser.parse(file).get(0));
        assertEquals(file.toString(), result.summary().source());
        assertEquals("400500600", result.summary().tournamentId());
    }

    /** Entries as values: failures by class, line, entry and message (exceptions have no equals). */
    static List<Object> comparable(List<SummaryEntry> entries) {
        return entries.stream().map(e -> e instanceof SummaryEntry.Failed f
                ? (Object) List.of(f.entry(), f.line(), f.closed(), f.error().getMessage()) : e).toList();
    }

    private static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
