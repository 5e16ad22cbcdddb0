package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every hand of the shared sample corpus against {@code expected.jsonl}, field by field. The samples are
 * read where they live ({@code ../shared/winamax/samples}); the test is skipped when they are absent.
 */
class SampleCorpusTest {

    /**
     * Expected values this parser deliberately does not follow, as "hand_id field". Each needs a reason.
     * Empty: every value of expected.jsonl is matched.
     */
    private static final Set<String> EXCLUDED = Set.of();

    /**
     * big_blind, hero_vpip and hero_pfr of every parseable sample hand, by hand_id, worked out by hand from each
     * hand's header and first betting round: expected.jsonl is shared and predates these fields.
     */
    private static final Map<String, JsonObject> EXTRAS = extras();

    private final HandParser parser = new HandParser();

    private static Map<String, JsonObject> extras() {
        Map<String, JsonObject> rows = new HashMap<>();
        for (String line : new String(Fixtures.bytes("sample-extras.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    JsonObject row = reader.readObject();
                    if (rows.put(row.getString("hand_id"), row) != null) {
                        throw new IllegalStateException("sample-extras.jsonl: hand " + row.getString("hand_id") + " twice");
                    }
                }
            }
        }
        return rows;
    }

    static Path samples() {
        Path base = Path.of(System.getProperty("basedir", "."));
        return base.resolve("../shared/winamax/samples").toAbsolutePath().normalize();
    }

    private static List<JsonObject> expected() throws IOException {
        Path dir = samples();
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("expected.jsonl")), "no sample corpus at " + dir);
        List<JsonObject> rows = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    rows.add(reader.readObject());
                }
            }
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> everyHandMatchesExpectedJsonl() throws IOException {
        List<JsonObject> rows = expected();
        Map<String, List<HandEvent>> byFile = new HashMap<>();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonObject row : rows) {
            String file = row.getString("file");
            List<HandEvent> events = byFile.computeIfAbsent(file, f -> parse(samples().resolve(f)));
            int index = row.getInt("hand_index");
            tests.add(dynamicTest(file + " #" + index + " " + row.getString("hand_id"),
                    () -> check(row, events.stream().filter(e -> !(e instanceof HandEvent.SummarySkipped))
                            .toList().get(index - 1))));
        }
        return tests.stream();
    }

    @Test
    void everyHandFileYieldsExactlyItsExpectedHands() throws IOException {
        Map<String, Long> counts = expected().stream()
                .collect(Collectors.groupingBy(r -> r.getString("file"), Collectors.counting()));
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            List<HandEvent> events = parse(samples().resolve(entry.getKey()));
            assertEquals(entry.getValue().longValue(), events.size(), entry.getKey() + ": " + events);
        }
    }

    @Test
    void theExtrasNameExactlyTheParseableSampleHands() throws IOException {
        Set<String> parseable = expected().stream().filter(r -> r.getBoolean("valid"))
                .map(r -> r.getString("hand_id")).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(parseable);
        missing.removeAll(EXTRAS.keySet());
        Set<String> stray = new TreeSet<>(EXTRAS.keySet());
        stray.removeAll(parseable);
        assertAll(() -> assertTrue(missing.isEmpty(), "sample hands without a row in sample-extras.jsonl: " + missing),
                () -> assertTrue(stray.isEmpty(), "rows of sample-extras.jsonl for no parseable sample hand: " + stray));
    }

    @Test
    void summaryFilesAreRecognisedAndSkipped() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(samples()), "no sample corpus at " + samples());
        List<Path> summaries;
        try (Stream<Path> files = Files.list(samples())) {
            summaries = files.filter(p -> p.getFileName().toString().startsWith("summary_")).sorted().toList();
        }
        assertFalse(summaries.isEmpty());
        for (Path file : summaries) {
            byte[] bytes = Files.readAllBytes(file);
            HandReader reader = new HandReader(file.toString(), parser);
            List<HandEvent> events = new ArrayList<>(reader.feed(bytes, 0, bytes.length));
            events.addAll(reader.finish());
            assertTrue(reader.isSummaryFile(), file.toString());
            assertFalse(events.isEmpty(), file.toString());
            events.forEach(e -> assertInstanceOf(HandEvent.SummarySkipped.class, e, file.toString()));
            assertEquals(0, reader.counts().failed(), file.toString());
        }
    }

    @Test
    void theCorruptedSampleIsAnErrorWithFileLineAndHandId() throws IOException {
        List<JsonObject> rows = expected();
        String file = "invalid_corrupted_header_hhsmithy.txt";
        List<HandEvent> events = parse(samples().resolve(file));
        HandEvent.Failed failed = assertInstanceOf(HandEvent.Failed.class, events.get(0));
        assertEquals(1, failed.error().line());
        assertTrue(failed.error().source().endsWith(file));
        assertEquals(rows.stream().filter(r -> r.getString("file").equals(file)).findFirst().orElseThrow()
                .getString("hand_id"), failed.error().handId());
    }

    private List<HandEvent> parse(Path file) {
        try {
            return parser.parseAll(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static void check(JsonObject row, HandEvent event) {
        String id = row.getString("hand_id");
        if (!row.getBoolean("valid")) {
            HandEvent.Failed failed = assertInstanceOf(HandEvent.Failed.class, event, id);
            assertEquals(id, failed.error().handId());
            return;
        }
        Hand hand = assertInstanceOf(HandEvent.Parsed.class, event, () -> id + ": " + event).hand();
        List<Executable> checks = new ArrayList<>();
        field(checks, id, "hand_id", row, hand.handId());
        field(checks, id, "timestamp", row, hand.timestamp().toString().replace("Z", ".000Z"));
        field(checks, id, "hero", row, hand.hero());
        amount(checks, id, "hero_result", row, hand.heroResult());
        field(checks, id, "hero_position", row, hand.heroPosition());
        field(checks, id, "game_type", row, hand.gameType());
        field(checks, id, "stakes", row, hand.stakes());
        field(checks, id, "currency", row, hand.currency());
        field(checks, id, "table", row, hand.table());
        field(checks, id, "kind", row, hand.kind());
        number(checks, id, "max_seats", row, hand.maxSeats());
        number(checks, id, "button_seat", row, hand.buttonSeat());
        number(checks, id, "players_dealt", row, hand.players().size());
        number(checks, id, "players_seated", row, hand.seated());
        field(checks, id, "balanced", row, hand.balanced());
        amount(checks, id, "rake", row, hand.rake());
        amount(checks, id, "ante", row, hand.ante());
        Tournament t = hand.tournament();
        field(checks, id, "is_tournament", row, t != null);
        field(checks, id, "tournament_name", row, t == null ? null : t.name());
        field(checks, id, "tournament_id", row, t == null ? null : t.id());
        field(checks, id, "buyin", row, t == null ? null : t.buyIn());
        field(checks, id, "level", row, t == null ? null : t.level());
        JsonObject extra = EXTRAS.get(id);
        checks.add(() -> assertNotNull(extra, id + ": no expected big_blind/hero_vpip/hero_pfr in sample-extras.jsonl"));
        if (extra != null) {
            checks.add(() -> FixtureTest.assertAmount(FixtureTest.text(FixtureTest.required(extra, "big_blind")),
                    hand.bigBlind(), id + " big_blind"));
            checks.add(() -> assertEquals(FixtureTest.flag(FixtureTest.required(extra, "hero_vpip")), hand.heroVpip(),
                    id + " hero_vpip"));
            checks.add(() -> assertEquals(FixtureTest.flag(FixtureTest.required(extra, "hero_pfr")), hand.heroPfr(),
                    id + " hero_pfr"));
        }
        Map<String, Player> players = hand.players().stream()
                .collect(Collectors.toMap(Player::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        JsonObject positions = row.isNull("positions") ? null : row.getJsonObject("positions");
        if (!EXCLUDED.contains(id + " positions")) {
            checks.add(() -> {
                Map<String, String> actual = new HashMap<>();
                players.forEach((name, p) -> actual.put(name, p.position()));
                Map<String, String> want = new HashMap<>();
                if (positions == null) {
                    players.keySet().forEach(name -> want.put(name, null));
                } else {
                    positions.forEach((name, v) -> want.put(name, v.getValueType() == JsonValue.ValueType.NULL
                            ? null : ((jakarta.json.JsonString) v).getString()));
                }
                assertEquals(want, actual, id + " positions");
            });
        }
        if (!EXCLUDED.contains(id + " player_nets")) {
            checks.add(() -> {
                JsonObject nets = row.getJsonObject("player_nets");
                assertEquals(nets.keySet(), players.keySet(), id + " player_nets names");
                nets.forEach((name, v) -> assertEquals(0, new BigDecimal(((jakarta.json.JsonString) v).getString())
                        .compareTo(players.get(name).net()), id + " net of " + name));
            });
        }
        assertAll(id, checks);
    }

    private static void field(List<Executable> checks, String id, String key, JsonObject row, Object actual) {
        if (EXCLUDED.contains(id + " " + key)) {
            return;
        }
        JsonValue v = row.get(key);
        Object want = switch (v.getValueType()) {
            case NULL -> null;
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> v.toString();
        };
        checks.add(() -> assertEquals(want, actual, id + " " + key));
    }

    private static void number(List<Executable> checks, String id, String key, JsonObject row, Integer actual) {
        if (EXCLUDED.contains(id + " " + key)) {
            return;
        }
        Integer want = row.isNull(key) ? null : row.getInt(key);
        checks.add(() -> assertEquals(want, actual, id + " " + key));
    }

    private static void amount(List<Executable> checks, String id, String key, JsonObject row, BigDecimal actual) {
        if (EXCLUDED.contains(id + " " + key)) {
            return;
        }
        String want = row.isNull(key) ? null : row.getString(key);
        checks.add(() -> {
            if (want == null) {
                assertEquals(null, actual, id + " " + key);
            } else {
                assertNotNull(actual, id + " " + key);
                assertEquals(0, new BigDecimal(want).compareTo(actual), id + " " + key + ": want " + want
                        + " got " + actual.toPlainString());
            }
        });
    }
}
