package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of every fixture against the values worked out by hand in {@code hands/expected.jsonl}. */
class FixtureTest {

    static Stream<Arguments> rows() {
        return Fixtures.expected().stream()
                .map(r -> Arguments.of(r.getString("file") + " #" + r.getInt("index"), r));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void matchesTheHandWorkedValues(String name, JsonObject row) {
        List<HandEvent> events = Fixtures.parse(row.getString("file"));
        HandEvent event = events.get(row.getInt("index") - 1);
        if (row.containsKey("summary")) {
            HandEvent.SummarySkipped skipped = assertInstanceOf(HandEvent.SummarySkipped.class, event);
            assertEquals(row.getString("summary"), skipped.title());
        } else if (row.containsKey("error_line")) {
            HandParseException error = assertInstanceOf(HandEvent.Failed.class, event, name).error();
            assertAll(() -> assertEquals(row.getInt("error_line"), error.line(), error.getMessage()),
                    () -> assertEquals(row.getString("hand_id"), error.handId()),
                    () -> assertEquals(row.getString("file"), error.source()),
                    () -> assertTrue(error.getMessage().contains(row.getString("hand_id"))
                            && error.getMessage().contains(":" + row.getInt("error_line") + ":"), error.getMessage()));
        } else {
            check(row, assertInstanceOf(HandEvent.Parsed.class, event, () -> name + ": " + event).hand());
        }
    }

    @Test
    void everyFixtureYieldsExactlyItsExpectedEvents() {
        Map<String, Long> counts = new LinkedHashMap<>();
        Fixtures.expected().forEach(r -> counts.merge(r.getString("file"), 1L, Long::sum));
        counts.forEach((file, count) -> assertEquals(count.intValue(), Fixtures.parse(file).size(), file));
    }

    private static void check(JsonObject row, Hand hand) {
        String id = row.getString("hand_id");
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(id, hand.handId()));
        checks.add(() -> assertEquals(row.getString("timestamp"), hand.timestamp().toString(), "timestamp"));
        checks.add(() -> assertEquals(text(row, "hero"), hand.hero(), "hero"));
        checks.add(() -> assertAmount(text(row, "hero_result"), hand.heroResult(), "hero_result"));
        checks.add(() -> assertEquals(text(row, "hero_position"), hand.heroPosition(), "hero_position"));
        checks.add(() -> assertEquals(row.getString("game_type"), hand.gameType(), "game_type"));
        checks.add(() -> assertEquals(row.getString("stakes"), hand.stakes(), "stakes"));
        checks.add(() -> assertEquals(row.getString("currency"), hand.currency(), "currency"));
        checks.add(() -> assertEquals(row.getString("table"), hand.table(), "table"));
        checks.add(() -> assertEquals(row.getInt("max_seats"), hand.maxSeats(), "max_seats"));
        checks.add(() -> assertEquals(row.isNull("button_seat") ? null : row.getInt("button_seat"), hand.buttonSeat(),
                "button_seat"));
        checks.add(() -> assertEquals(row.getString("kind"), hand.kind(), "kind"));
        checks.add(() -> assertEquals(strings(row.getJsonArray("hero_cards")), hand.heroCards(), "hero_cards"));
        checks.add(() -> assertEquals(strings(row.getJsonArray("board")), hand.board(), "board"));
        checks.add(() -> assertEquals(row.getBoolean("balanced"), hand.balanced(), () -> "balanced " + hand.notes()));
        checks.add(() -> assertAmount(row.getString("rake"), hand.rake(), "rake"));
        checks.add(() -> assertAmount(text(required(row, "big_blind")), hand.bigBlind(), "big_blind"));
        checks.add(() -> assertEquals(flag(required(row, "hero_vpip")), hand.heroVpip(), "hero_vpip"));
        checks.add(() -> assertEquals(flag(required(row, "hero_pfr")), hand.heroPfr(), "hero_pfr"));
        checks.add(() -> {
            if (row.isNull("tournament")) {
                assertNull(hand.tournament(), "tournament");
            } else {
                List<String> t = strings(row.getJsonArray("tournament"));
                assertEquals(new Tournament(t.get(0), t.get(1), t.get(2), t.get(3)), hand.tournament());
            }
        });
        checks.add(() -> {
            JsonObject players = row.getJsonObject("players");
            assertEquals(List.copyOf(players.keySet()), hand.players().stream().map(Player::name).toList(), "players");
            for (Player p : hand.players()) {
                JsonArray want = players.getJsonArray(p.name());
                assertEquals(want.getInt(0), p.seat(), p.name() + " seat");
                assertEquals(want.isNull(1) ? null : want.getString(1), p.position(), p.name() + " position");
                assertAmount(want.getString(2), p.net(), p.name() + " net");
            }
        });
        assertAll(id, checks);
    }

    private static String text(JsonObject row, String key) {
        return text(row.get(key));
    }

    static String text(JsonValue v) {
        return v == null || v.getValueType() == JsonValue.ValueType.NULL ? null : ((JsonString) v).getString();
    }

    /** true, false or null (hero not dealt in). */
    static Boolean flag(JsonValue v) {
        return v.getValueType() == JsonValue.ValueType.NULL ? null : v.getValueType() == JsonValue.ValueType.TRUE;
    }

    /** A field every hand row must state: a missing one fails rather than passing unchecked. */
    static JsonValue required(JsonObject row, String key) {
        JsonValue v = row.get(key);
        assertNotNull(v, row.getString("hand_id") + " has no expected '" + key + "'");
        return v;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static void assertAmount(String want, BigDecimal actual, String what) {
        if (want == null) {
            assertNull(actual, what);
        } else {
            assertNotNull(actual, what);
            assertEquals(0, new BigDecimal(want).compareTo(actual), what + ": want " + want + ", got " + actual);
        }
    }
}
