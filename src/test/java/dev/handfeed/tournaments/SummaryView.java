package dev.handfeed.tournaments;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.math.BigDecimal;

/** A parsed entry as JSON in the shape of the expectations: amounts as exact strings, every field present. */
final class SummaryView {

    private SummaryView() {
    }

    /** An entry as the JSON the expectations are written in, every key present. */
    static JsonObject of(SummaryEntry entry) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        b.add("entry", entry.entry()).add("line", entry.line()).add("closed", entry.closed());
        if (entry instanceof SummaryEntry.Failed f) {
            return text(b.add("kind", "failed"), "tournament_id", f.error().tournamentId()).build();
        }
        if (entry instanceof SummaryEntry.Pending p) {
            return text(b.add("kind", "pending"), "tournament_id", p.tournamentId()).build();
        }
        TournamentSummary s = ((SummaryEntry.Result) entry).summary();
        b.add("kind", "result");
        text(b, "tournament_id", s.tournamentId());
        text(b, "name", s.name());
        b.add("late_registration", s.lateRegistration());
        text(b, "hero", s.hero());
        b.add("buy_in", buyIn(s.buyIn()));
        b.add("rebuy_cost", buyIn(s.rebuyCost()));
        b.add("addon_cost", buyIn(s.addonCost()));
        number(b, "rebuys", s.rebuys());
        number(b, "addons", s.addons());
        number(b, "registered_players", s.registeredPlayers());
        number(b, "total_rebuys", s.totalRebuys());
        number(b, "total_addons", s.totalAddons());
        amount(b, "prize_pool", s.prizePool());
        text(b, "mode", s.mode());
        text(b, "type", s.type());
        text(b, "speed", s.speed());
        number(b, "flight_id", s.flightId());
        text(b, "currency", s.currency());
        text(b, "started_at", s.startedAt() == null ? null : s.startedAt().toString());
        number(b, "played_seconds", s.playedSeconds());
        number(b, "finish", s.finish());
        Winnings w = s.winnings();
        if (w == null) {
            b.addNull("winnings");
        } else {
            JsonObjectBuilder won = Json.createObjectBuilder().add("tickets", Json.createArrayBuilder(w.tickets()));
            amount(won, "cash", w.cash());
            b.add("winnings", amount(won, "bounties", w.bounties()));
        }
        amount(b, "total_buy_in", s.totalBuyIn());
        return amount(b, "net", s.net()).build();
    }

    private static JsonValue buyIn(BuyIn buyIn) {
        if (buyIn == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder b = text(Json.createObjectBuilder(), "text", buyIn.text());
        amount(b, "prize_pool", buyIn.prizePool());
        amount(b, "bounty", buyIn.bounty());
        return amount(b, "rake", buyIn.rake()).build();
    }

    private static JsonObjectBuilder text(JsonObjectBuilder b, String key, String value) {
        return value == null ? b.addNull(key) : b.add(key, value);
    }

    private static JsonObjectBuilder number(JsonObjectBuilder b, String key, Number value) {
        return value == null ? b.addNull(key) : b.add(key, value.longValue());
    }

    private static JsonObjectBuilder amount(JsonObjectBuilder b, String key, BigDecimal value) {
        return value == null ? b.addNull(key) : b.add(key, value.toPlainString());
    }
}
