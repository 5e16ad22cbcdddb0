package dev.handfeed.replay;

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients that were away resume from the journal: exactly what they missed, in order, then live. */
@AnyServer
class ReplayIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long TABLE = 7_700_001L;
    private static final AtomicInteger NEXT_HAND = new AtomicInteger(1);

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
                URI.create("ws://" + base().getHost() + ":" + base().getPort() + "/ws?client_name=replay" + query));
        clients.add(client);
        return client;
    }

    private static Path table() {
        return Server.historyFolder().resolve("20260101_Replay_real_holdem_no-limit.txt");
    }

    /** Appends hands with new numbers, in one write per {@code perWrite} hands, and returns their ids. */
    private static List<String> append(int count, int perWrite) {
        List<String> ids = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int n = NEXT_HAND.getAndIncrement();
            ids.add(HandTexts.handId(TABLE, n));
            text.append(HandTexts.cash(TABLE, n));
            if ((i + 1) % perWrite == 0 || i == count - 1) {
                try {
                    Files.writeString(table(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                text.setLength(0);
            }
        }
        return ids;
    }

    private JsonObject events(String query) {
        return Server.json(http, base(), "events" + query);
    }

    /** The newest event id, once the journal holds at least {@code atLeast}. */
    private long journaledUpTo(long atLeast) {
        await().atMost(WAIT).until(() -> events("?limit=1").getJsonNumber("last_event_id").longValue() >= atLeast);
        return events("?limit=1").getJsonNumber("last_event_id").longValue();
    }

    private static long eventId(Received received) {
        return received.json().getJsonNumber("event_id").longValue();
    }

    @Test
    void aClientThatWasAwayGetsExactlyWhatItMissedInOrderThenLive() throws Exception {
        JsonObject ack;
        try (FeedClient before = connect("")) {
            ack = before.next("connection_ack", WAIT).json();
        }
        String stream = ack.getString("stream_id");
        long seen = ack.getJsonNumber("last_event_id").longValue();
        List<String> missed = append(300, 7);
        long last = journaledUpTo(seen + 300);

        FeedClient back = connect("&last_event_id=" + seen + "&stream_id=" + stream);
        JsonObject again = back.next(WAIT).json();
        assertEquals("connection_ack", again.getString("type"));
        assertEquals(stream, again.getString("stream_id"));
        long previous = seen;
        for (String id : missed) {
            Received hand = back.next(WAIT);
            assertEquals("new_hand", hand.type(), "nothing but the missed hands before replay_complete");
            assertEquals(id, hand.json().getString("hand_id"));
            assertTrue(eventId(hand) > previous, "in event order");
            previous = eventId(hand);
        }
        JsonObject complete = back.next("replay_complete", WAIT).json();
        assertEquals(seen + 1, complete.getJsonNumber("from_event_id").longValue());
        assertEquals(last, complete.getJsonNumber("to_event_id").longValue());
        assertEquals(300, complete.getInt("count"));
        assertTrue(complete.getString("timestamp").matches(Server.TIMESTAMP));

        String live = append(1, 1).get(0);
        JsonObject next = back.next("new_hand", WAIT).json();
        assertEquals(live, next.getString("hand_id"), "then live, nothing repeated");
        assertEquals(last + 1, next.getJsonNumber("event_id").longValue());
    }

    @Test
    void handsAppendedWhileAReplayRunsArriveOnceAndInOrder() throws Exception {
        long seen = journaledUpTo(0);
        List<String> expected = new ArrayList<>(append(2_000, 50));
        journaledUpTo(seen + 2_000);

        FeedClient back = connect("&last_event_id=" + seen);
        CompletableFuture<List<String>> during = CompletableFuture.supplyAsync(() -> append(100, 1));
        back.next("connection_ack", WAIT);
        expected.addAll(during.join());

        Set<String> received = new HashSet<>();
        long previous = seen;
        int beforeComplete = -1;
        while (received.size() < expected.size()) {
            Received message = back.next(m -> !m.type().equals("heartbeat"), WAIT, "the next hand");
            if (message.type().equals("replay_complete")) {
                beforeComplete = received.size();
                assertEquals(beforeComplete, message.json().getInt("count"));
                continue;
            }
            assertEquals("new_hand", message.type());
            assertTrue(received.add(message.json().getString("hand_id")), "no hand twice");
            assertTrue(eventId(message) > previous, "in event order across the hand-off");
            previous = eventId(message);
        }
        assertEquals(new HashSet<>(expected), received);
        if (beforeComplete < 0) {
            assertEquals(expected.size(), back.next("replay_complete", WAIT).json().getInt("count"));
        }
        String marker = append(1, 1).get(0);
        assertEquals(marker, back.next("new_hand", WAIT).json().getString("hand_id"), "nothing else follows");
    }

    @Test
    void resumingByFrameReplaysFromTheGivenIdAndASecondResumeIsRefused() throws Exception {
        long seen = journaledUpTo(0);
        List<String> missed = append(3, 3);
        journaledUpTo(seen + 3);
        FeedClient client = connect("");
        client.next("connection_ack", WAIT);
        client.send("{\"type\":\"resume\",\"last_event_id\":" + seen + "}");
        for (String id : missed) {
            assertEquals(id, client.next("new_hand", WAIT).json().getString("hand_id"));
        }
        assertEquals(3, client.next("replay_complete", WAIT).json().getInt("count"));
        client.send("{\"type\":\"resume\",\"last_event_id\":" + seen + "}");
        assertEquals("This connection has resumed already; a connection resumes once",
                client.next("error", WAIT).json().getString("message"));
        client.send("{\"type\":\"ping\"}");
        client.next("pong", WAIT);
    }

    @Test
    void everyBadResumeValueGetsAnErrorNamingItAndTheConnectionStaysLive() throws Exception {
        String[] queries = {"&last_event_id=-1", "&last_event_id=abc", "&last_event_id=1.5",
                "&last_event_id=9007199254740993", "&stream_id=abc", "&last_event_id=1&stream_id=%20x"};
        String[] fields = {"last_event_id", "last_event_id", "last_event_id", "last_event_id", "stream_id", "stream_id"};
        for (int i = 0; i < queries.length; i++) {
            FeedClient client = connect(queries[i]);
            client.next("connection_ack", WAIT);
            String message = client.next("error", WAIT).json().getString("message");
            assertTrue(message.contains("'" + fields[i] + "'"), queries[i] + " -> " + message);
        }
        FeedClient client = connect("&last_event_id=nope");
        client.next("connection_ack", WAIT);
        client.next("error", WAIT);
        String[] frames = {"{\"type\":\"resume\",\"last_event_id\":\"3\"}", "{\"type\":\"resume\",\"last_event_id\":-4}",
                "{\"type\":\"resume\"}", "{\"type\":\"resume\",\"last_event_id\":2,\"stream_id\":[]}"};
        for (String frame : frames) {
            client.send(frame);
            assertTrue(client.next("error", WAIT).json().getString("message").contains("_id'"), frame);
        }
        String live = append(1, 1).get(0);
        assertEquals(live, client.next("new_hand", WAIT).json().getString("hand_id"), "still live after all that");
    }

    @Test
    void anotherStreamOrAFutureIdSaysSoThenGoesLiveWithoutReplaying() throws Exception {
        long seen = journaledUpTo(0);
        append(1, 1);
        long last = journaledUpTo(seen + 1);
        FeedClient stranger = connect("&last_event_id=" + last + "&stream_id=0000-not-this-one");
        stranger.next("connection_ack", WAIT);
        JsonObject gap = stranger.next(WAIT).json();
        assertEquals("replay_gap", gap.getString("type"));
        assertEquals("unknown_stream", gap.getString("reason"));
        assertEquals(last, gap.getJsonNumber("requested_event_id").longValue());
        assertEquals(0, stranger.next("replay_complete", WAIT).json().getInt("count"));

        FeedClient future = connect("&last_event_id=" + (last + 1_000));
        future.next("connection_ack", WAIT);
        JsonObject ahead = future.next(WAIT).json();
        assertEquals("future_event_id", ahead.getString("reason"));
        JsonObject complete = future.next(WAIT).json();
        assertEquals("replay_complete", complete.getString("type"));
        assertEquals(0, complete.getInt("count"));

        String live = append(1, 1).get(0);
        assertEquals(live, stranger.next("new_hand", WAIT).json().getString("hand_id"));
        assertEquals(live, future.next("new_hand", WAIT).json().getString("hand_id"));
    }

    @Test
    void eventsPagesThroughTheStoreAndRefusesBadParametersNamingThem() {
        long seen = journaledUpTo(0);
        List<String> ids = append(5, 5);
        long last = journaledUpTo(seen + 5);
        JsonObject page = events("?after=" + seen + "&limit=3");
        assertEquals(last, page.getJsonNumber("last_event_id").longValue());
        assertTrue(page.getString("stream_id").length() > 8);
        assertEquals(3, page.getJsonArray("events").size());
        assertEquals(ids.get(0), page.getJsonArray("events").getJsonObject(0).getString("hand_id"));
        long next = page.getJsonNumber("next_after").longValue();
        JsonObject rest = events("?after=" + next + "&limit=3");
        assertEquals(List.of(ids.get(3), ids.get(4)), rest.getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().map(e -> e.getString("hand_id")).toList());
        JsonObject end = events("?after=" + rest.getJsonNumber("next_after").longValue());
        assertEquals(0, end.getJsonArray("events").size());
        assertEquals(last, end.getJsonNumber("next_after").longValue());

        String[][] bad = {{"?after=-1", "after"}, {"?after=x", "after"}, {"?limit=0", "limit"}, {"?limit=1001", "limit"},
                {"?limit=abc", "limit"}, {"?after=99999999999999999999", "after"}};
        for (String[] query : bad) {
            HttpResponse<String> response = Server.get(http, base(), "events" + query[0]);
            assertEquals(400, response.statusCode(), query[0]);
            JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(response.body())).readObject();
            assertEquals(query[1], body.getString("parameter"));
            assertTrue(body.getString("error").startsWith("Invalid '" + query[1] + "'"), body.toString());
        }
    }
}
