package dev.handfeed.wire;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code new_hand}, the one message on every hand's way, field by field through JSON-P's generator: JSON-B
 * reached the same text by reflection, through a serializer per field, and that was a sixth of a lone hand's way
 * from its file to its first client (docs/benchmarks.md). Every other message stays with JSON-B. {@code
 * NewHandJsonTest} holds this writer to JSON-B's text for every hand of the test corpus, so the two cannot drift.
 */
final class NewHandJson {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    private NewHandJson() {
    }

    static String write(NewHand hand) {
        StringWriter text = new StringWriter(768);
        try (JsonGenerator json = GENERATORS.createGenerator(text)) {
            json.writeStartObject()
                    .write("type", hand.type())
                    .write("event_id", hand.eventId());
            string(json, "hand_id", hand.handId());
            string(json, "timestamp", timestamp(hand.timestamp()));
            amount(json, "hero_result", hand.heroResult());
            string(json, "hero_position", hand.heroPosition());
            string(json, "game_type", hand.gameType());
            string(json, "stakes", hand.stakes());
            string(json, "detected_at", timestamp(hand.detectedAt()));
            string(json, "site", hand.site());
            string(json, "hero", hand.hero());
            string(json, "currency", hand.currency());
            string(json, "table", hand.table());
            json.write("max_seats", hand.maxSeats());
            if (hand.buttonSeat() == null) {
                json.writeNull("button_seat");
            } else {
                json.write("button_seat", hand.buttonSeat());
            }
            tournament(json, hand.tournament());
            strings(json, "hero_cards", hand.heroCards());
            strings(json, "board", hand.board());
            json.write("players_dealt", hand.playersDealt());
            amount(json, "big_blind", hand.bigBlind());
            flag(json, "hero_vpip", hand.heroVpip());
            flag(json, "hero_pfr", hand.heroPfr());
            json.writeEnd();
        }
        return text.toString();
    }

    private static void tournament(JsonGenerator json, NewHand.Tournament tournament) {
        if (tournament == null) {
            json.writeNull("tournament");
            return;
        }
        json.writeStartObject("tournament");
        string(json, "name", tournament.name());
        string(json, "id", tournament.id());
        string(json, "buy_in", tournament.buyIn());
        string(json, "level", tournament.level());
        json.writeEnd();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) {
        if (values == null) {
            json.writeNull(name);
            return;
        }
        json.writeStartArray(name);
        for (String value : values) {
            if (value == null) {
                json.writeNull();
            } else {
                json.write(value);
            }
        }
        json.writeEnd();
    }

    private static void string(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static String timestamp(Instant value) {
        return value == null ? null : JsonCodec.TIMESTAMP.format(value);
    }

    private static void amount(JsonGenerator json, String name, BigDecimal value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    private static void flag(JsonGenerator json, String name, Boolean value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
