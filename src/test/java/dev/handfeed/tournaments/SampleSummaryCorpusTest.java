package dev.handfeed.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every tournament summary of the shared sample corpus ({@code ../shared/winamax/samples/summary_*.txt}) against
 * values worked out by hand from its text, in {@code src/test/resources/summaries/expected.json}. The samples are
 * read where they live; the test is skipped when they are absent.
 */
class SampleSummaryCorpusTest {

    private static final JsonObject EXPECTED = SummaryExpectations.load("/summaries/expected.json");
    private final TournamentSummaryParser parser = new TournamentSummaryParser();

    static Path samples() {
        Path base = Path.of(System.getProperty("basedir", "."));
        return base.resolve("../shared/winamax/samples").toAbsolutePath().normalize();
    }

    static List<Path> summaryFiles() throws IOException {
        Path dir = samples();
        Assumptions.assumeTrue(Files.isDirectory(dir), "no sample corpus at " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("summary_.*\\.txt")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everySampleSummaryParsesExactly() throws IOException {
        return summaryFiles().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            String name = file.getFileName().toString();
            assertTrue(EXPECTED.containsKey(name), "no expected values for " + name);
            SummaryExpectations.check(name, EXPECTED.getJsonArray(name), parser.parse(file), file.toString());
        }));
    }

    @Test
    void everySampleSummaryHasExpectedValuesAndNoneIsMissing() throws IOException {
        List<String> files = summaryFiles().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(EXPECTED.keySet().stream().sorted().toList(), files);
    }

    @Test
    void bytesAndDecodedTextGiveTheSameEntries() throws IOException {
        for (Path file : summaryFiles()) {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(parser.parse("f", bytes), parser.parse("f", text), file.toString());
        }
    }
}
