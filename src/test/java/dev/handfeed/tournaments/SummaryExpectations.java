package dev.handfeed.tournaments;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * Expected entries of summary files, kept as JSON under {@code src/test/resources/summaries}: one array per file,
 * one object per entry. Amounts are strings compared exactly (value and scale as the parser keeps them). In an
 * expected result a key left out means null ({@code false} for {@code late_registration}, {@code []} for tickets).
 */
final class SummaryExpectations {

    private SummaryExpectations() {
    }

    static JsonObject load(String resource) {
        try (InputStream in = SummaryExpectations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fixture(String file) {
        try (InputStream in = SummaryExpectations.class.getResourceAsStream("/summaries/fixtures/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture files listed in the fixtures' expectations. */
    static List<String> fixtureFiles() {
        return load("/summaries/fixtures/expected.json").keySet().stream().filter(k -> !k.startsWith("_")).toList();
    }

    /** Every entry of {@code actual} against the expected array, field by field. */
    static void check(String file, JsonArray expected, List<SummaryEntry> actual, String source) {
        assertEquals(expected.size(), actual.size(), () -> file + ": entries " + actual);
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            JsonObject want = expected.getJsonObject(i);
            SummaryEntry entry = actual.get(i);
            String label = file + " entry " + want.getInt("entry");
            JsonObject got = SummaryView.of(entry);
            for (String key : want.keySet()) {
                checks.add(() -> assertTrue(got.containsKey(key) || key.equals("reason"), label + ": unknown key " + key));
            }
            for (Map.Entry<String, JsonValue> field : got.entrySet()) {
                JsonValue value = want.containsKey(field.getKey()) ? want.get(field.getKey())
                        : defaultOf(field.getKey(), want.getString("kind"));
                checks.add(() -> assertEquals(normal(field.getKey(), value), field.getValue(),
                        label + " " + field.getKey()));
            }
            if (entry instanceof SummaryEntry.Failed failed) {
                String message = failed.error().getMessage();
                checks.add(() -> assertTrue(message.startsWith(source + ":" + failed.line() + ": "), message));
                checks.add(() -> assertTrue(message.contains(want.getString("reason")), label + ": " + message));
                checks.add(() -> assertEquals(source, failed.error().source()));
            }
        }
        assertAll(file, checks);
    }

    private static JsonValue defaultOf(String key, String kind) {
        return key.equals("late_registration") && kind.equals("result") ? JsonValue.FALSE : JsonValue.NULL;
    }

    /** Expected nested objects with keys left out get them back as null ({@code []} for tickets). */
    private static JsonValue normal(String key, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            return value;
        }
        JsonObject o = value.asJsonObject();
        List<String> keys = key.equals("winnings") ? List.of("cash", "tickets", "bounties")
                : List.of("text", "prize_pool", "bounty", "rake");
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (String k : keys) {
            b.add(k, o.containsKey(k) ? o.get(k) : k.equals("tickets") ? JsonValue.EMPTY_JSON_ARRAY : JsonValue.NULL);
        }
        return b.build();
    }
}
