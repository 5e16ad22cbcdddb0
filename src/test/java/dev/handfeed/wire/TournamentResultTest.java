package dev.handfeed.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handfeed.tournaments.SummaryEntry;
import dev.handfeed.tournaments.TournamentSummary;
import dev.handfeed.tournaments.TournamentSummaryParser;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The {@code tournament_result} message as clients receive it, through the application's codec. */
class TournamentResultTest {

    private static final Instant READ_AT = Instant.parse("2026-01-02T03:04:05.678Z");
    private final JsonCodec codec = new JsonCodec();

    @Test
    void aKnockoutResultIsWrittenExactlyTypeFirstEurosWithCents() {
        String json = codec.toJson(TournamentResult.of(summary("knockout_2025_cash_and_bounty.txt"), 7, READ_AT));
        assertEquals("{\"type\":\"tournament_result\",\"event_id\":7,\"tournament_id\":\"1014872879\","
                + "\"name\":\"STARDUST - SPACE KO\",\"hero\":\"Q d-chouette\","
                + "\"buy_in\":{\"prize_pool\":4.50,\"rake\":1.00,\"bounty\":4.50,\"currency\":\"EUR\","
                + "\"text\":\"4.50€ + 4.50€ + 1€\"},"
                + "\"registered_players\":523,\"mode\":\"tt\",\"tournament_type\":\"knockout\",\"speed\":\"normal\","
                + "\"started_at\":\"2025-12-06T19:00:00.000Z\",\"played_seconds\":11529,\"finish\":12,"
                + "\"winnings\":{\"cash\":25.42,\"tickets\":[],\"bounties\":18.86},\"net\":34.28,"
                + "\"timestamp\":\"2026-01-02T03:04:05.678Z\",\"entry\":1,\"late_registration\":true,\"flight_id\":0,"
                + "\"tournament_prize_pool\":4707.00,\"rebuys\":null,\"rebuy_cost\":null,\"addons\":null,"
                + "\"addon_cost\":null,\"total_rebuys\":null,\"total_addons\":null,\"total_buy_in\":10.00}", json);
    }

    @Test
    void rebuysAndAddOnsAreInTheTotalAndTheNet() {
        JsonObject json = parse(codec.toJson(TournamentResult.of(summary("rebuys_addons_cashed.txt"), 1, READ_AT)));
        assertEquals("{\"prize_pool\":1.80,\"rake\":0.20,\"bounty\":null,\"currency\":\"EUR\",\"text\":\"1.80€ + 0.20€\"}",
                json.get("rebuy_cost").toString());
        assertEquals(2, json.getInt("rebuys"));
        assertEquals(1, json.getInt("addons"));
        assertEquals("10.00", json.get("total_buy_in").toString());
        assertEquals("5.00", json.get("net").toString());
    }

    @Test
    void whatTheFileDoesNotSayIsNull() {
        JsonObject json = parse(codec.toJson(TournamentResult.of(summary("husng_unknown_place.txt"), 2, READ_AT)));
        for (String key : new String[] {"finish", "winnings", "net", "flight_id", "rebuys"}) {
            assertTrue(json.containsKey(key) && json.isNull(key), key);
        }
        assertEquals("10.00", json.get("total_buy_in").toString());
    }

    @Test
    void playMoneyAmountsStayAsWrittenWithoutACurrency() {
        JsonObject json = parse(codec.toJson(TournamentResult.of(summary("play_money_expresso.txt"), 3, READ_AT)));
        assertTrue(json.getJsonObject("buy_in").isNull("currency"));
        assertEquals("9.30", json.getJsonObject("buy_in").get("prize_pool").toString());
        assertEquals("20", json.getJsonObject("winnings").get("cash").toString());
        assertEquals("10.00", json.get("net").toString());
    }

    @Test
    void aTicketWonIsListedAndLeavesTheNetUnknown() {
        JsonObject json = parse(codec.toJson(TournamentResult.of(summary("satellite_ticket_won.txt"), 4, READ_AT)));
        assertEquals("[\"Ticket 10€\"]", json.getJsonObject("winnings").get("tickets").toString());
        assertEquals("0.00", json.getJsonObject("winnings").get("cash").toString());
        assertTrue(json.isNull("net"));
    }

    private static TournamentSummary summary(String fixture) {
        try (InputStream in = TournamentResultTest.class.getResourceAsStream("/summaries/fixtures/" + fixture)) {
            SummaryEntry entry = new TournamentSummaryParser().parse(fixture, in.readAllBytes()).get(0);
            return assertInstanceOf(SummaryEntry.Result.class, entry).summary();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
