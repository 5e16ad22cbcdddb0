package dev.handfeed.filters;

import dev.handfeed.wire.Event;
import dev.handfeed.wire.NewHand;
import dev.handfeed.wire.TournamentResult;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * What filters look at in an event. Fields an event does not have are null (a tournament result has no stakes).
 *
 * @param kind      {@code cash}, {@code tournament} or {@code play_money}
 * @param heroDealt the hero was dealt into the hand (its {@code hero_result} is not null)
 * @param hero      the player whose history the event comes from ({@code hero} on the wire), null when unknown
 */
public record EventFacts(String type, String gameType, String stakes, String kind, boolean heroDealt, String table,
                         String hero) {

    /** The facts without {@code hero}, which came later. */
    public EventFacts(String type, String gameType, String stakes, String kind, boolean heroDealt, String table) {
        this(type, gameType, stakes, kind, heroDealt, table, null);
    }

    public static EventFacts of(Event event) {
        if (event instanceof NewHand hand) {
            return new EventFacts(hand.type(), hand.gameType(), hand.stakes(),
                    kind(hand.currency(), hand.tournament() != null), hand.heroResult() != null, hand.table(),
                    hand.hero());
        }
        return ofOtherType(event.type(), event instanceof TournamentResult result ? result.hero() : null);
    }

    /** From a stored event's JSON, as replays and {@code GET /events} read it. */
    public static EventFacts of(JsonObject event) {
        String type = text(event, "type");
        if (!"new_hand".equals(type)) {
            return ofOtherType(type, text(event, "hero"));
        }
        JsonValue tournament = event.get("tournament");
        JsonValue result = event.get("hero_result");
        return new EventFacts(type, text(event, "game_type"), text(event, "stakes"),
                kind(text(event, "currency"), tournament != null && tournament.getValueType() == JsonValue.ValueType.OBJECT),
                result != null && result.getValueType() == JsonValue.ValueType.NUMBER, text(event, "table"),
                text(event, "hero"));
    }

    /** Tournament results are of the tournament kind; they have no game, stakes or table. */
    private static EventFacts ofOtherType(String type, String hero) {
        return new EventFacts(type, null, null, "tournament_result".equals(type) ? "tournament" : null, false, null,
                hero);
    }

    private static String kind(String currency, boolean tournament) {
        if (tournament || "CHIPS".equals(currency)) {
            return "tournament";
        }
        return "PLAY".equals(currency) ? "play_money" : "cash";
    }

    private static String text(JsonObject object, String name) {
        JsonValue value = object.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? object.getString(name) : null;
    }
}
