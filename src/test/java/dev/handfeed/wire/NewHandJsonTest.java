package dev.handfeed.wire;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code new_hand} writer gives JSON-B's text to the byte: for every hand of the test corpus (cash, tournaments,
 * stud, play money, hero not dealt, names with quotes and accents), and with every field that may be null null.
 */
class NewHandJsonTest {

    private static final Instant AT = Instant.parse("2026-12-02T09:15:00.120Z");
    private final JsonCodec codec = new JsonCodec();

    @Test
    void everyHandOfTheCorpusIsWrittenAsJsonbWritesIt() throws IOException, URISyntaxException {
        Path folder = Path.of(NewHandJsonTest.class.getResource("/hands").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        List<String> compared = new ArrayList<>();
        HandParser parser = new HandParser();
        for (Path file : files) {
            List<HandEvent> events = parser.parseAll(Files.readAllBytes(file), file.getFileName().toString());
            for (HandEvent event : events) {
                if (event instanceof HandEvent.Parsed parsed) {
                    NewHand message = NewHand.of(parsed.hand(), compared.size() + 1, AT);
                    assertEquals(codec.bound(message), codec.toJson(message), file + ": " + parsed.hand().handId());
                    compared.add(parsed.hand().handId());
                }
            }
        }
        assertTrue(compared.size() >= 40, "the corpus has its hands: " + compared.size());
    }

    @Test
    void nullsAndAwkwardTextAreWrittenAsJsonbWritesThem() {
        NewHand bare = new NewHand("new_hand", 1, "1-2-3", AT, null, null, "NLH", "0.01/0.02", AT, "winamax", null,
                "EUR", "Table \"Nice\" \\ été 😀\u0001", 6, null, null, List.of(), List.of(), 2, null, null, null);
        assertEquals(codec.bound(bare), codec.toJson(bare));
        NewHand tournament = new NewHand("new_hand", Long.MAX_VALUE, "9-9-9", AT, new BigDecimal("-1250"), "BB",
                "PLO", "100/200", AT, "winamax", "Hé\"ro", "CHIPS", "t", 9, 3,
                new NewHand.Tournament("Freeroll \"Gratuit\"", "123", null, "12"), List.of("Ah", "Kd"),
                List.of("2c", "3c", "4c"), 9, new BigDecimal("200"), true, false);
        assertEquals(codec.bound(tournament), codec.toJson(tournament));
        assertTrue(codec.toJson(tournament).contains("\"hero_result\":-1250,"), codec.toJson(tournament));
    }
}
