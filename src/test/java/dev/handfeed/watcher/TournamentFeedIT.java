package dev.handfeed.watcher;

import dev.handfeed.testing.AnyServer;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tournament summary files written into the folder the running Payara Micro watches: each entry reaches real
 * WebSocket clients once as a {@code tournament_result}, and is replayed with the hands around it.
 */
@AnyServer
class TournamentFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long TABLE = 8_800_001L;
    private static final AtomicInteger NEXT_HAND = new AtomicInteger(1);
    /** Every test writes summaries of its own tournament ids: the server remembers every entry it has seen. */
    private static final AtomicLong NEXT_TOURNAMENT = new AtomicLong(880_000_001L);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Server.historyFolder();
        return Server.war();
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FeedClient> clients = new ArrayList<>();

    @BeforeEach
    void watcherIsUp() {
        await().atMost(WAIT).until(() -> Server.get(http, base(), "health").statusCode() == 200);
    }

    @AfterEach
    void closeClients() {
        clients.forEach(FeedClient::close);
    }

    private URI base() {
        return URI.create(url.toString());
    }

    private FeedClient connect(String query) {
        FeedClient client = FeedClient.connect(http,
                URI.create("ws://" + base().getHost() + ":" + base().getPort() + "/ws?client_name=tournaments" + query));
        clients.add(client);
        return client;
    }

    private JsonObject stats() {
        return Server.json(http, base(), "ws/stats");
    }

    private static Path summaryFile(String tournament) {
        return Server.historyFolder().resolve("20260101_" + tournament + "_real_holdem_no-limit_summary.txt");
    }

    /** A finished sit-and-go, closed by a blank line: won 15€ for 4.65€ + 0.35€, a net of 10.00. */
    private static String sitAndGo(long id) {
        return "Winamax Poker - Tournament summary : IT Expresso(" + id + ")\n"
                + "Player : IT_Hero\n"
                + "Buy-In : 4.65€ + 0.35€\n"
                + "Registered players : 3\n"
                + "Mode : sng\n"
                + "Type : sitngo\n"
                + "Speed : turbo\n"
                + "Prizepool : 15€\n"
                + "Tournament started 2026/01/01 10:00:00 UTC\n"
                + "You played 12min 5s\n"
                + "You finished in 1st place\n"
                + "You won 15€\n"
                + "\n";
    }

    private static Path writeSitAndGo(long id) throws IOException {
        return Files.writeString(summaryFile("IT Expresso(" + id + ")"), sitAndGo(id), StandardCharsets.UTF_8);
    }

    private static String appendHand() throws IOException {
        int n = NEXT_HAND.getAndIncrement();
        Files.writeString(Server.historyFolder().resolve("20260101_TournamentFeed_real_holdem_no-limit.txt"),
                HandTexts.cash(TABLE, n), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return HandTexts.handId(TABLE, n);
    }

    private static Received nextResult(FeedClient client) throws InterruptedException {
        return client.next("tournament_result", WAIT);
    }

    @Test
    void aSummaryThatAppearsIsExactlyOneTournamentResultWithItsValues() throws Exception {
        FeedClient client = connect("");
        client.next("connection_ack", WAIT);
        long sentBefore = stats().getJsonNumber("tournament_results").longValue();
        Instant before = Instant.now();
        byte[] fixture;
        try (InputStream in = getClass().getResourceAsStream("/summaries/fixtures/knockout_2025_cash_and_bounty.txt")) {
            fixture = in.readAllBytes();
        }
        Files.write(summaryFile("STARDUST - SPACE KO(1014872879)"), fixture);

        Received result = nextResult(client);
        long eventId = result.json().getJsonNumber("event_id").longValue();
        String timestamp = result.json().getString("timestamp");
        assertTrue(timestamp.matches(Server.TIMESTAMP), timestamp);
        assertTrue(!Instant.parse(timestamp).isBefore(before.minusMillis(1)), "read after the file was written");
        // Worked out by hand from the fixture (as in TournamentResultTest): 25.42 + 18.86 - 10.00 = 34.28.
        assertEquals("{\"type\":\"tournament_result\",\"event_id\":" + eventId + ",\"tournament_id\":\"1014872879\","
                + "\"name\":\"STARDUST - SPACE KO\",\"hero\":\"Q d-chouette\","
                + "\"buy_in\":{\"prize_pool\":4.50,\"rake\":1.00,\"bounty\":4.50,\"currency\":\"EUR\","
                + "\"text\":\"4.50€ + 4.50€ + 1€\"},"
                + "\"registered_players\":523,\"mode\":\"tt\",\"tournament_type\":\"knockout\",\"speed\":\"normal\","
                + "\"started_at\":\"2025-12-06T19:00:00.000Z\",\"played_seconds\":11529,\"finish\":12,"
                + "\"winnings\":{\"cash\":25.42,\"tickets\":[],\"bounties\":18.86},\"net\":34.28,"
                + "\"timestamp\":\"" + timestamp + "\",\"entry\":1,\"late_registration\":true,\"flight_id\":0,"
                + "\"tournament_prize_pool\":4707.00,\"rebuys\":null,\"rebuy_cost\":null,\"addons\":null,"
                + "\"addon_cost\":null,\"total_rebuys\":null,\"total_addons\":null,\"total_buy_in\":10.00}",
                result.text());
        await().atMost(WAIT).until(() -> stats().getJsonNumber("tournament_results").longValue() == sentBefore + 1);
        JsonObject stored = Server.json(http, base(), "events?after=" + (eventId - 1) + "&limit=1")
                .getJsonArray("events").getJsonObject(0);
        assertEquals(result.json(), stored, "journaled exactly as sent");
    }

    @Test
    void theSameSummaryRewrittenOrCopiedIsNotSentAgain() throws Exception {
        FeedClient client = connect("");
        client.next("connection_ack", WAIT);
        long id = NEXT_TOURNAMENT.getAndIncrement();
        Path file = writeSitAndGo(id);
        Received first = nextResult(client);
        assertEquals(String.valueOf(id), first.json().getString("tournament_id"));
        long firstEvent = first.json().getJsonNumber("event_id").longValue();

        Files.writeString(file, sitAndGo(id), StandardCharsets.UTF_8);
        Files.writeString(file, sitAndGo(id).replace("\n", "\r\n"), StandardCharsets.UTF_8);
        Files.writeString(summaryFile("IT Expresso(" + id + ") copy"), sitAndGo(id), StandardCharsets.UTF_8);
        long marker = NEXT_TOURNAMENT.getAndIncrement();
        writeSitAndGo(marker);

        Received next = nextResult(client);
        assertEquals(String.valueOf(marker), next.json().getString("tournament_id"),
                "the rewritten and copied summary was not sent again; the next one arrived");
        List<JsonObject> stored = Server.json(http, base(), "events?after=" + firstEvent).getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertEquals(List.of(String.valueOf(marker)), stored.stream()
                .filter(e -> e.getString("type").equals("tournament_result"))
                .map(e -> e.getString("tournament_id")).toList());
    }

    @Test
    void aResumeReplaysTheResultInOrderWithTheHandsAroundIt() throws Exception {
        FeedClient live = connect("");
        JsonObject ack = live.next("connection_ack", WAIT).json();
        long seen = ack.getJsonNumber("last_event_id").longValue();
        String stream = ack.getString("stream_id");
        List<String> sent = new ArrayList<>();

        String handBefore = appendHand();
        Received hand = live.next("new_hand", WAIT);
        assertEquals(handBefore, hand.json().getString("hand_id"));
        sent.add(hand.text());
        long id = NEXT_TOURNAMENT.getAndIncrement();
        writeSitAndGo(id);
        Received result = nextResult(live);
        assertEquals(new BigDecimal("10.00"), result.json().getJsonNumber("net").bigDecimalValue());
        sent.add(result.text());
        String handAfter = appendHand();
        hand = live.next("new_hand", WAIT);
        assertEquals(handAfter, hand.json().getString("hand_id"));
        sent.add(hand.text());

        FeedClient back = connect("&last_event_id=" + seen + "&stream_id=" + stream);
        back.next("connection_ack", WAIT);
        List<String> replayed = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            replayed.add(back.next(m -> !m.type().equals("heartbeat"), WAIT, "replayed event " + (i + 1)).text());
        }
        assertEquals(sent, replayed, "hand, result, hand: in event order, each exactly as first sent");
        JsonObject complete = back.next("replay_complete", WAIT).json();
        assertEquals(3, complete.getInt("count"));
        assertEquals(seen + 1, complete.getJsonNumber("from_event_id").longValue());
    }

    @Test
    void anUnreadableSummaryIsCountedAndSkippedAndTheNextResultsArrive() throws Exception {
        FeedClient client = connect("");
        client.next("connection_ack", WAIT);
        long errorsBefore = stats().getJsonNumber("summary_parse_errors").longValue();
        long bad = NEXT_TOURNAMENT.getAndIncrement();
        long good = NEXT_TOURNAMENT.getAndIncrement();
        Files.writeString(summaryFile("IT Broken(" + bad + ")"),
                sitAndGo(bad).replace("Buy-In : 4.65€ + 0.35€", "Buy-In : 5 euros") + sitAndGo(good),
                StandardCharsets.UTF_8);

        assertEquals(String.valueOf(good), nextResult(client).json().getString("tournament_id"),
                "the readable block after the unreadable one");
        await().atMost(WAIT).until(() -> stats().getJsonNumber("summary_parse_errors").longValue() == errorsBefore + 1);

        long next = NEXT_TOURNAMENT.getAndIncrement();
        writeSitAndGo(next);
        assertEquals(String.valueOf(next), nextResult(client).json().getString("tournament_id"));
        assertEquals(errorsBefore + 1, stats().getJsonNumber("summary_parse_errors").longValue(), "counted once");
    }
}
