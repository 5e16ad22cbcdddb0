package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bytes cut anywhere, in any chunk size, encoding and line-end style, must give the same hands. */
class HandReaderCutTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");
    private final HandParser parser = new HandParser();

    static Stream<String> multiHandFiles() {
        return Stream.of("fastfold_headers.txt", "mtt_freeroll_gratuit_table_move.txt", "separators.txt",
                "corrupt_and_truncated.txt", "mtt_antes_bounty_names.txt", "dead_blinds_positions.txt");
    }
    @ParameterizedTest
    @MethodSource("multiHandFiles")
    void everyCutPointGivesTheSameEvents(String file) {
        byte[] bytes = Fixtures.bytes(file);
        List<HandEvent> whole = parser.parseAll(bytes, "f");
        for (int cut = 0; cut <= bytes.length; cut++) {
            HandReader reader = new HandReader("f", parser);
            List<HandEvent> events = new ArrayList<>(reader.feed(bytes, 0, cut));
            events.addAll(reader.feed(bytes, cut, bytes.length - cut));
            events.addAll(reader.finish());
            assertEquals(ReaderFeeding.comparable(whole), ReaderFeeding.comparable(events), "cut at " + cut);
        }
    }
    @Test
    void cutsInsideTheEuroSignAreDecodedRight() {
        byte[] bytes = Fixtures.bytes("fastfold_headers.txt");
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        int at = ReaderFeeding.indexOf(bytes, euro, 0);
        assertTrue(at > 0);
        List<Hand> reference = ReaderFeeding.reference(bytes);
        for (int cut = at + 1; cut < at + euro.length; cut++) {
            HandReader reader = new HandReader("f", parser);
            List<HandEvent> events = new ArrayList<>(reader.feed(bytes, 0, cut));
            events.addAll(reader.feed(bytes, cut, bytes.length - cut));
            events.addAll(reader.finish());
            assertEquals(reference, ReaderFeeding.hands(events));
            assertEquals("0.01/0.02", ReaderFeeding.hands(events).get(0).stakes());
        }
    }
    @Test
    void everyChunkSizeFromOneTo64AndSomeLargerGiveTheSameEvents() {
        for (String file : multiHandFiles().toList()) {
            byte[] bytes = Fixtures.bytes(file);
            List<Object> whole = ReaderFeeding.comparable(parser.parseAll(bytes, "f"));
            for (int chunk : IntStream.concat(IntStream.rangeClosed(1, 64), IntStream.of(100, 1000, 4096)).toArray()) {
                assertEquals(whole, ReaderFeeding.comparable(ReaderFeeding.feedInChunks(bytes, chunk)),
                        file + " in chunks of " + chunk);
            }
        }
    }

    /** Every cut point again, on the same hands written with CRLF and a BOM, and in cp1252 with CRLF. */
    @ParameterizedTest
    @ValueSource(strings = {"fastfold_headers.txt", "names_pitfalls.txt"})
    void everyCutPointOfCrlfBomAndCp1252VariantsGivesTheSameHands(String file) {
        String text = new String(Fixtures.bytes(file), StandardCharsets.UTF_8).replace("\n", "\r\n");
        List<Hand> reference = ReaderFeeding.reference(Fixtures.bytes(file));
        byte[] bom = ReaderFeeding.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8));
        for (byte[] bytes : List.of(bom, text.getBytes(CP1252))) {
            for (int cut = 0; cut <= bytes.length; cut++) {
                HandReader reader = new HandReader("f", parser);
                List<HandEvent> events = new ArrayList<>(reader.feed(bytes, 0, cut));
                events.addAll(reader.feed(bytes, cut, bytes.length - cut));
                events.addAll(reader.finish());
                assertEquals(reference, ReaderFeeding.hands(events), file + " cut at " + cut);
            }
        }
    }

    @Test
    void crlfBomAndCp1252GiveTheSameHands() {
        for (String file : List.of("fastfold_headers.txt", "names_pitfalls.txt", "tournament_buyins.txt")) {
            String text = new String(Fixtures.bytes(file), StandardCharsets.UTF_8);
            List<Hand> reference = ReaderFeeding.reference(text.getBytes(StandardCharsets.UTF_8));
            assertFalse(reference.isEmpty());
            byte[] crlf = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] bom = ReaderFeeding.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8));
            byte[] cp1252 = text.replace("\n", "\r\n").getBytes(CP1252);
            assertTrue(ReaderFeeding.indexOf(cp1252, new byte[] {(byte) 0x80}, 0) >= 0, "cp1252 euro byte in " + file);
            assertEquals(reference, ReaderFeeding.reference(crlf), file + " CRLF");
            assertEquals(reference, ReaderFeeding.reference(bom), file + " BOM");
            assertEquals(reference, ReaderFeeding.reference(cp1252), file + " cp1252");
            for (int chunk : new int[] {1, 2, 3, 17}) {
                assertEquals(reference, ReaderFeeding.hands(ReaderFeeding.feedInChunks(cp1252, chunk)), file + " cp1252 in chunks of " + chunk);
                assertEquals(reference, ReaderFeeding.hands(ReaderFeeding.feedInChunks(bom, chunk)), file + " BOM in chunks of " + chunk);
            }
        }
    }
    @Test
    void aFileMixingUtf8AndCp1252LinesIsReadLineByLine() {
        String text = new String(Fixtures.bytes("names_pitfalls.txt"), StandardCharsets.UTF_8);
        int tableLineEnd = text.indexOf('\n', text.indexOf("Table:")) + 1;
        byte[] mixed = ReaderFeeding.concat(text.substring(0, tableLineEnd).getBytes(CP1252),
                text.substring(tableLineEnd).getBytes(StandardCharsets.UTF_8));
        assertEquals(ReaderFeeding.reference(text.getBytes(StandardCharsets.UTF_8)), ReaderFeeding.reference(mixed));
    }
}
