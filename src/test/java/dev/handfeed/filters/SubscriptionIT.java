package dev.handfeed.filters;

import dev.handfeed.testing.AnyServer;
import dev.handfeed.testing.DeflateClient;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.Server;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each client gets only the hands it asked for: on connecting, by subscribe, on resume, over HTTP; compressed or not. */
@AnyServer
class SubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long TABLE = 7_800_001L;
    private static final AtomicInteger NEXT = new AtomicInteger(1);

    /** The kinds of hand the tests write: the filters' facts of each are known from the fixtures. */
    enum Kind {
        NLH(n -> HandTexts.cash(TABLE, n)),                                    // NLH 0.01/0.02 cash, dealt, Nice
        PLO(n -> HandTexts.fromFixture("cash_plo_side_pots.txt", HandTexts.handId(TABLE, n))),  // PLO 0.50/1 cash
        SNG(n -> HandTexts.fromFixture("sng_expresso_3max.txt", HandTexts.handId(TABLE, n))),   // tournament
        UNDEALT(n -> HandTexts.fromFixture("hero_not_dealt.txt", HandTexts.handId(TABLE, n)));  // Nice, not dealt

        final IntFunction<String> text;

        Kind(IntFunction<String> text) {
            this.text = text;
        }
    }

    /** A hand written to the folder. */
    record Written(Kind kind, String handId) {
    }

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

    private FeedClient connect(String query) throws InterruptedException {
        FeedClient client = FeedClient.connect(http,
                URI.create("ws://" + base().getHost() + ":" + base().getPort() + "/ws?client_name=filters" + query));
        clients.add(client);
        client.next("connection_ack", WAIT);
        return client;
    }

    /** Writes hands of these kinds in one append, in order. */
    private static List<Written> write(Kind... kinds) {
        StringBuilder text = new StringBuilder();
        List<Written> written = new ArrayList<>();
        for (Kind kind : kinds) {
            int n = NEXT.getAndIncrement();
            text.append(kind.text.apply(n));
            written.add(new Written(kind, HandTexts.handId(TABLE, n)));
        }
        try {
            Files.writeString(Server.historyFolder().resolve("20260101_Filters_real_holdem_no-limit.txt"), text,
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private static List<String> ids(List<Written> written, Kind... kinds) {
        List<Kind> wanted = List.of(kinds);
        return written.stream().filter(w -> wanted.contains(w.kind())).map(Written::handId).toList();
    }

    /** The hand ids a client receives up to and including {@code last}. */
    private static List<String> handsUntil(FeedClient client, String last) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.isEmpty() || !ids.get(ids.size() - 1).equals(last)) {
            ids.add(client.next("new_hand", WAIT).json().getString("hand_id"));
        }
        return ids;
    }

    private long journaledUpTo(long atLeast) {
        await().atMost(WAIT).until(() -> Server.json(http, base(), "events?limit=1")
                .getJsonNumber("last_event_id").longValue() >= atLeast);
        return Server.json(http, base(), "events?limit=1").getJsonNumber("last_event_id").longValue();
    }

    @Test
    void filtersGivenOnConnectingLetThroughOnlyMatchingHands() throws Exception {
        FeedClient plo = connect("&game_type=PLO&kind=cash");
        JsonObject subscribed = plo.next(WAIT).json();
        assertEquals("subscribed", subscribed.getString("type"), "answered right after the ack");
        assertEquals(Json.createReader(new StringReader("{\"game_type\":[\"PLO\"],\"kind\":[\"cash\"]}")).readObject(),
                subscribed.getJsonObject("filters"));
        FeedClient tournaments = connect("&kind=tournament");
        FeedClient dealtAtNice = connect("&hero_dealt=true&table=Nice");
        FeedClient microStakes = connect("&stakes=0.01/0.02");
        FeedClient holdemOrOmaha = connect("&types=new_hand&game_type=NLH,PLO");
        for (FeedClient client : List.of(tournaments, dealtAtNice, microStakes, holdemOrOmaha)) {
            client.next("subscribed", WAIT);
        }

        List<Written> hands = new ArrayList<>(write(Kind.NLH, Kind.PLO, Kind.SNG, Kind.UNDEALT, Kind.NLH, Kind.PLO,
                Kind.SNG, Kind.UNDEALT));
        hands.addAll(write(Kind.PLO, Kind.SNG, Kind.NLH, Kind.UNDEALT));

        assertEquals(ids(hands, Kind.PLO), handsUntil(plo, ids(hands, Kind.PLO).get(2)));
        assertEquals(ids(hands, Kind.SNG), handsUntil(tournaments, ids(hands, Kind.SNG).get(2)));
        assertEquals(ids(hands, Kind.NLH), handsUntil(dealtAtNice, ids(hands, Kind.NLH).get(2)));
        assertEquals(ids(hands, Kind.NLH, Kind.UNDEALT), handsUntil(microStakes, ids(hands, Kind.UNDEALT).get(2)));
        assertEquals(ids(hands, Kind.values()), handsUntil(holdemOrOmaha, hands.get(hands.size() - 1).handId()));
    }

    @Test
    void aSubscribeMidStreamSwitchesBetweenTwoEventsWithNothingLostOrDoubled() throws Exception {
        FeedClient observer = connect("");
        FeedClient client = connect("&game_type=NLH");
        client.next("subscribed", WAIT);
        CompletableFuture<List<Written>> writer = CompletableFuture.supplyAsync(() -> {
            List<Written> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.addAll(write(Kind.NLH, Kind.PLO));
            }
            return all;
        });
        Received first = client.next("new_hand", WAIT); // the stream is flowing: switch now
        client.send("{\"type\":\"subscribe\",\"filters\":{\"game_type\":[\"PLO\"]}}");
        List<Written> all = writer.join();
        String last = all.get(all.size() - 1).handId(); // a PLO hand

        Map<String, Long> eventOf = new LinkedHashMap<>();
        for (String id : handsUntilEvents(observer, last, eventOf)) {
            assertTrue(eventOf.containsKey(id));
        }
        List<Received> received = new ArrayList<>(List.of(first));
        Received message;
        do {
            message = client.next(m -> !m.type().equals("heartbeat"), WAIT, "the next message");
            received.add(message);
        } while (!message.type().equals("new_hand") || !message.json().getString("hand_id").equals(last));

        int switchAt = received.stream().map(Received::type).toList().indexOf("subscribed");
        assertTrue(switchAt >= 0, "subscribed came, in order with the hands");
        Map<String, Kind> kindOf = new LinkedHashMap<>();
        all.forEach(w -> kindOf.put(w.handId(), w.kind()));
        List<Long> before = received.subList(0, switchAt).stream()
                .map(r -> eventOf.get(r.json().getString("hand_id"))).toList();
        List<Long> after = received.subList(switchAt + 1, received.size()).stream()
                .map(r -> eventOf.get(r.json().getString("hand_id"))).toList();
        received.subList(0, switchAt).forEach(r -> assertEquals(Kind.NLH, kindOf.get(r.json().getString("hand_id"))));
        received.subList(switchAt + 1, received.size())
                .forEach(r -> assertEquals(Kind.PLO, kindOf.get(r.json().getString("hand_id"))));
        // Some event S splits the stream: NLH hands up to S came before the switch, PLO hands after S after it.
        // Between the last hand before and the first after, the PLO hands missed were judged by the old filters and
        // the NLH hands missed by the new ones, so every missed PLO hand comes before every missed NLH hand.
        long lastBefore = before.get(before.size() - 1);
        long firstAfter = after.get(0);
        assertTrue(lastBefore < firstAfter, "in event order across the switch");
        long lastMissedPlo = 0;
        long firstMissedNlh = Long.MAX_VALUE;
        for (Written w : all) {
            long event = eventOf.get(w.handId());
            if (w.kind() == Kind.NLH && event <= lastBefore) {
                assertTrue(before.contains(event), "NLH hand " + event + " before the switch was not lost");
            } else if (w.kind() == Kind.PLO && event >= firstAfter) {
                assertTrue(after.contains(event), "PLO hand " + event + " after the switch was not lost");
            } else if (event > lastBefore && event < firstAfter) {
                if (w.kind() == Kind.PLO) {
                    lastMissedPlo = Math.max(lastMissedPlo, event);
                } else {
                    firstMissedNlh = Math.min(firstMissedNlh, event);
                }
            }
        }
        assertTrue(lastMissedPlo < firstMissedNlh, "one split point: " + lastMissedPlo + " / " + firstMissedNlh);
        assertEquals(before.size() + after.size(), new java.util.HashSet<Long>(concat(before, after)).size(),
                "nothing doubled");
    }

    private static List<String> handsUntilEvents(FeedClient observer, String last, Map<String, Long> eventOf)
            throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.isEmpty() || !ids.get(ids.size() - 1).equals(last)) {
            JsonObject hand = observer.next("new_hand", WAIT).json();
            ids.add(hand.getString("hand_id"));
            eventOf.put(hand.getString("hand_id"), hand.getJsonNumber("event_id").longValue());
        }
        return ids;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aResumeReplaysOnlyWhatPassesTheFiltersAndCountsWhatItSent() throws Exception {
        long seen = journaledUpTo(0);
        List<Written> hands = write(Kind.NLH, Kind.PLO, Kind.SNG, Kind.PLO);
        long last = journaledUpTo(seen + 4);
        FeedClient client = connect("&last_event_id=" + seen + "&game_type=PLO");
        assertEquals("subscribed", client.next(WAIT).type());
        assertEquals(ids(hands, Kind.PLO).get(0), client.next(WAIT).json().getString("hand_id"));
        assertEquals(ids(hands, Kind.PLO).get(1), client.next(WAIT).json().getString("hand_id"));
        JsonObject complete = client.next(WAIT).json();
        assertEquals("replay_complete", complete.getString("type"));
        assertEquals(2, complete.getInt("count"));
        assertEquals(seen + 1, complete.getJsonNumber("from_event_id").longValue());
        assertEquals(last, complete.getJsonNumber("to_event_id").longValue());
    }

    @Test
    void eventsOverHttpTakeTheSameFiltersAsQueryParameters() {
        long seen = journaledUpTo(0);
        List<Written> hands = write(Kind.NLH, Kind.PLO, Kind.SNG, Kind.PLO, Kind.UNDEALT);
        journaledUpTo(seen + 5);
        assertEquals(ids(hands, Kind.PLO), handIds(Server.json(http, base(), "events?after=" + seen + "&game_type=PLO")));
        assertEquals(ids(hands, Kind.SNG), handIds(Server.json(http, base(), "events?after=" + seen + "&kind=tournament")));
        assertEquals(ids(hands, Kind.UNDEALT),
                handIds(Server.json(http, base(), "events?after=" + seen + "&hero_dealt=false&table=Nice")));
        for (String[] bad : new String[][] {{"kind=bogus", "kind"}, {"hero_dealt=maybe", "hero_dealt"},
                {"game_type=HOLDEM", "game_type"}}) {
            HttpResponse<String> response = Server.get(http, base(), "events?" + bad[0]);
            assertEquals(400, response.statusCode(), bad[0]);
            assertEquals(bad[1], Json.createReader(new StringReader(response.body())).readObject().getString("parameter"));
        }
    }

    private static List<String> handIds(JsonObject page) {
        return page.getJsonArray("events").getValuesAs(JsonObject.class).stream().map(e -> e.getString("hand_id")).toList();
    }

    @Test
    void everyMalformedFilterGetsAnErrorNamingItAndTheFiltersInForceStay() throws Exception {
        FeedClient client = connect("&kind=cash");
        client.next("subscribed", WAIT);
        String[] frames = {"{\"type\":\"subscribe\",\"filters\":{\"colour\":[\"red\"]}}",
                "{\"type\":\"subscribe\",\"filters\":{\"game_type\":\"NLH\"}}",
                "{\"type\":\"subscribe\",\"filters\":{\"game_type\":[\"HOLDEM\"]}}",
                "{\"type\":\"subscribe\",\"filters\":{\"kind\":[\"sng\"]}}",
                "{\"type\":\"subscribe\",\"filters\":{\"hero_dealt\":1}}",
                "{\"type\":\"subscribe\",\"filters\":[]}", "{\"type\":\"subscribe\"}"};
        String[] named = {"colour", "game_type", "HOLDEM", "sng", "hero_dealt", "filters", "filters"};
        for (int i = 0; i < frames.length; i++) {
            client.send(frames[i]);
            String message = client.next("error", WAIT).json().getString("message");
            assertTrue(message.contains(named[i]), frames[i] + " -> " + message);
        }
        List<Written> hands = write(Kind.SNG, Kind.NLH);
        assertEquals(ids(hands, Kind.NLH).get(0), client.next("new_hand", WAIT).json().getString("hand_id"),
                "still cash only: the tournament hand did not pass");

        FeedClient unfiltered = connect("&game_type=HOLDEM");
        assertTrue(unfiltered.next(WAIT).json().getString("message").contains("HOLDEM"));
        List<Written> more = write(Kind.SNG);
        assertEquals(more.get(0).handId(), unfiltered.next("new_hand", WAIT).json().getString("hand_id"),
                "a refused query filter leaves the client unfiltered");
    }

    @Test
    void aClientOfferingDeflateGetsCompressedFramesWithTheSameMessages() throws Exception {
        try (DeflateClient compressed = DeflateClient.open(base(), "client_name=deflate", true);
             DeflateClient plain = DeflateClient.open(base(), "client_name=plain", false)) {
            assertEquals("", plain.negotiatedExtensions());
            if (Server.kind() == Server.Kind.WILDFLY) {
                // Undertow's to negotiate, off in the standard standalone.xml (docs/wildfly.md): plain frames.
                assertEquals("", compressed.negotiatedExtensions());
                return;
            }
            assertTrue(compressed.negotiatedExtensions().startsWith("permessage-deflate"),
                    compressed.negotiatedExtensions());
            assertEquals("connection_ack", compressed.nextText().getString("type"));
            assertEquals("connection_ack", plain.nextText().getString("type"));
            long compressedBefore = compressed.wireBytes();
            long plainBefore = plain.wireBytes();
            List<Written> hands = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                hands.addAll(write(Kind.NLH, Kind.PLO, Kind.SNG));
            }
            List<JsonObject> viaDeflate = newHands(compressed, hands.size());
            List<JsonObject> viaPlain = newHands(plain, hands.size());
            assertEquals(viaPlain, viaDeflate, "identical messages either way");
            assertEquals(hands.stream().map(Written::handId).toList(),
                    viaDeflate.stream().map(m -> m.getString("hand_id")).toList());
            long deflated = compressed.wireBytes() - compressedBefore;
            long raw = plain.wireBytes() - plainBefore;
            assertTrue(deflated * 2 < raw, "fewer bytes read: " + deflated + " compressed vs " + raw + " plain");
        }
    }

    private static List<JsonObject> newHands(DeflateClient client, int count) throws IOException {
        List<JsonObject> hands = new ArrayList<>();
        while (hands.size() < count) {
            JsonObject message = client.nextText();
            if (message.getString("type").equals("new_hand")) {
                hands.add(message);
            }
        }
        return hands;
    }
}
