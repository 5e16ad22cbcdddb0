package dev.handfeed.hands;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The project's own hand-history fixtures under {@code src/test/resources/hands} and their expected values. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/hands/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /hands/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + file, e);
        }
    }

    /** One JSON object per event of every fixture, in file order: a hand, an error or a skipped summary. */
    static List<JsonObject> expected() {
        String text = new String(bytes("expected.jsonl"), StandardCharsets.UTF_8);
        List<JsonObject> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    rows.add(reader.readObject());
                }
            }
        }
        return rows;
    }

    /** The fixture files, each once, in the order of {@code expected.jsonl}. */
    static List<String> files() {
        return expected().stream().map(r -> r.getString("file")).distinct().toList();
    }

    static List<HandEvent> parse(String file) {
        return new HandParser().parseAll(bytes(file), file);
    }
}
