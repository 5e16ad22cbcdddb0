package dev.handfeed.watcher;

import dev.handfeed.live.Disconnect;
import dev.handfeed.testing.AnyServer;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real hands appended to the folder the running server watches, received by real WebSocket clients. */
@AnyServer
class HandFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** Every test writes hands of its own numbers, so the tests share one server without seeing each other. */
    private static final AtomicInteger NEXT_HAND = new AtomicInteger(100_000);

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

    private FeedClient connect(String name) throws InterruptedException {
        FeedClient client = FeedClient.connect(http, base(), name);
        clients.add(client);
        client.next("connection_ack", WAIT);
        return client;
    }

    private static Path file(String name) {
        return Server.historyFolder().resolve("20260101_" + name + "_real_holdem_no-limit.txt");
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int[] numbers(int count) {
        int first = NEXT_HAND.getAndAdd(count);
        return java.util.stream.IntStream.range(first, first + count).toArray();
    }

    @Test
    void aNewHandCarriesTheContractFields() throws Exception {
        FeedClient client = connect("fields");
        int n = numbers(1)[0];
        Instant before = Instant.now();
        append(file("fields"), HandTexts.cash(n).getBytes(StandardCharsets.UTF_8));
        JsonObject hand = client.next("new_hand", WAIT).json();

        assertEquals(HandTexts.handId(n), hand.getString("hand_id"));
        assertEquals(HandTexts.playedAt(n), Instant.parse(hand.getString("timestamp")));
        assertTrue(hand.getString("timestamp").matches(Server.TIMESTAMP));
        assertEquals(new BigDecimal(HandTexts.HERO_RESULT), hand.getJsonNumber("hero_result").bigDecimalValue());
        assertEquals(HandTexts.HERO_POSITION, hand.getString("hero_position"));
        assertEquals("NLH", hand.getString("game_type"));
        assertEquals("0.01/0.02", hand.getString("stakes"));
        assertEquals(JsonValue.ValueType.NUMBER, hand.get("event_id").getValueType());
        assertTrue(hand.getString("detected_at").matches(Server.TIMESTAMP));
        assertTrue(!Instant.parse(hand.getString("detected_at")).isBefore(before.minusMillis(1)));
        assertEquals("winamax", hand.getString("site"));
        assertEquals(HandTexts.HERO, hand.getString("hero"));
        assertEquals("EUR", hand.getString("currency"));
        assertEquals("Nice", hand.getString("table"));
        assertEquals(5, hand.getInt("max_seats"));
        assertTrue(hand.isNull("tournament"));
        // The hero raises preflop at 0.01€/0.02€ (HandTexts); amounts keep their cents.
        assertEquals(new BigDecimal("0.02"), hand.getJsonNumber("big_blind").bigDecimalValue());
        assertTrue(hand.getBoolean("hero_vpip"));
        assertTrue(hand.getBoolean("hero_pfr"));

        JsonObject stats = Server.json(http, base(), "ws/stats");
        assertTrue(stats.getBoolean("watcher_active"));
        assertTrue(stats.getJsonArray("watched_paths").getString(0).endsWith("history"));
        assertTrue(stats.getJsonNumber("hands_detected").longValue() >= 1);
        assertTrue(stats.getJsonNumber("hands_broadcast").longValue() >= 1);
        assertTrue(stats.getString("last_hand_at").matches(Server.TIMESTAMP));
        assertEquals(JsonValue.ValueType.NUMBER, stats.get("parse_errors").getValueType());
    }

    @Test
    void aHandWrittenInThreeChunksArrivesOnceWhole() throws Exception {
        FeedClient client = connect("chunks");
        int n = numbers(1)[0];
        int marker = numbers(1)[0];
        byte[] hand = HandTexts.cash(n).getBytes(StandardCharsets.UTF_8);
        // Cut inside a euro sign too: the middle chunk starts with the last bytes of a '€'.
        int euro = HandTexts.cash(n).indexOf("0.02€");
        int cut1 = HandTexts.cash(n).substring(0, euro + 4).getBytes(StandardCharsets.UTF_8).length + 1;
        int cut2 = 2 * hand.length / 3;
        Path file = file("chunks");
        append(file, Arrays.copyOfRange(hand, 0, cut1));
        append(file, Arrays.copyOfRange(hand, cut1, cut2));
        append(file, Arrays.copyOfRange(hand, cut2, hand.length));
        append(file, HandTexts.cash(marker).getBytes(StandardCharsets.UTF_8));

        Received first = client.next("new_hand", WAIT);
        assertEquals(HandTexts.handId(n), first.json().getString("hand_id"));
        assertEquals("0.01/0.02", first.json().getString("stakes"));
        // The next hand after it is the marker: the chunked hand did not come twice.
        assertEquals(HandTexts.handId(marker), client.next("new_hand", WAIT).json().getString("hand_id"));
    }

    @Test
    void fiveHundredHandsInABurstArriveAllInOrderOnceToEveryClient() throws Exception {
        List<FeedClient> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            fans.add(connect("burst-" + i));
        }
        int[] hands = numbers(500);
        StringBuilder burst = new StringBuilder();
        for (int n : hands) {
            burst.append(HandTexts.cash(n));
        }
        append(file("burst"), burst.toString().getBytes(StandardCharsets.UTF_8));

        for (FeedClient fan : fans) {
            long lastEvent = 0;
            for (int n : hands) {
                JsonObject hand = fan.next("new_hand", WAIT).json();
                assertEquals(HandTexts.handId(n), hand.getString("hand_id"));
                long event = hand.getJsonNumber("event_id").longValue();
                assertTrue(event > lastEvent, "event ids increase");
                lastEvent = event;
            }
        }
        // Nothing else follows: a marker hand is the very next new_hand everyone gets.
        int marker = numbers(1)[0];
        append(file("burst"), HandTexts.cash(marker).getBytes(StandardCharsets.UTF_8));
        for (FeedClient fan : fans) {
            assertEquals(HandTexts.handId(marker), fan.next("new_hand", WAIT).json().getString("hand_id"));
        }
    }

    @Test
    void aCorruptHandBetweenTwoGoodOnesIsCountedAndSkipped() throws Exception {
        FeedClient client = connect("corrupt");
        long errorsBefore = Server.json(http, base(), "ws/stats").getJsonNumber("parse_errors").longValue();
        int[] n = numbers(3);
        append(file("corrupt"), (HandTexts.cash(n[0]) + HandTexts.corrupt(n[1]) + HandTexts.cash(n[2]))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(HandTexts.handId(n[0]), client.next("new_hand", WAIT).json().getString("hand_id"));
        assertEquals(HandTexts.handId(n[2]), client.next("new_hand", WAIT).json().getString("hand_id"));
        await().atMost(WAIT).until(() ->
                Server.json(http, base(), "ws/stats").getJsonNumber("parse_errors").longValue() == errorsBefore + 1);
    }

    @Test
    void aClientThatNeverReadsIsClosedAsTooSlowAndSlowsNobody() throws Exception {
        List<FeedClient> fans = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            fans.add(connect("reader-" + i));
        }
        long slowBefore = Server.json(http, base(), "ws/stats").getJsonNumber("slow_client_disconnects").longValue();
        long deadBefore = Server.json(http, base(), "ws/stats").getJsonNumber("dead_peer_disconnects").longValue();
        ScheduledExecutorService pongs = Executors.newSingleThreadScheduledExecutor();
        try (RawWebSocket stalled = RawWebSocket.open(base(), "never-reads", 4096)) {
            // It answers no ping but sends empty pongs of its own: it is there, it just never reads.
            pongs.scheduleAtFixedRate(() -> {
                try {
                    stalled.sendPong();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, 0, 500, TimeUnit.MILLISECONDS);
            int[] hands = numbers(800);
            StringBuilder burst = new StringBuilder();
            for (int n : hands) {
                burst.append(HandTexts.cash(n));
            }
            append(file("stalled"), burst.toString().getBytes(StandardCharsets.UTF_8));
            for (FeedClient fan : fans) {
                Set<String> seen = new HashSet<>();
                for (int n : hands) {
                    String id = fan.next("new_hand", WAIT).json().getString("hand_id");
                    assertEquals(HandTexts.handId(n), id);
                    assertTrue(seen.add(id));
                }
            }
            // The stalled client's ping stays unanswered for CLIENT_SEND_TIMEOUT_MS (8 s here).
            await().atMost(Duration.ofSeconds(45)).until(() -> Server.json(http, base(), "ws/stats")
                    .getJsonNumber("slow_client_disconnects").longValue() > slowBefore);
            pongs.shutdownNow();
            int code = stalled.readUntilClosed();
            if (code == RawWebSocket.RESET || code == -1) {
                // A pong of ours crossed the server's close: the reset discarded the close frame. The server's
                // account says which close it was: a slow client (4001/4002), not a dead one, and with fewer
                // than CLIENT_BUFFER_MESSAGES sent it cannot have been 4001.
                JsonObject stats = Server.json(http, base(), "ws/stats");
                assertEquals(slowBefore + 1, stats.getJsonNumber("slow_client_disconnects").longValue());
                assertEquals(deadBefore, stats.getJsonNumber("dead_peer_disconnects").longValue());
            } else {
                assertEquals(Disconnect.SEND_TIMEOUT.code(), code);
            }
            for (FeedClient fan : fans) {
                fan.next("heartbeat", WAIT);
                assertTrue(!fan.closeCode().isDone(), "readers stay connected");
            }
        } finally {
            pongs.shutdownNow();
        }
    }

    @Test
    void aClientThatFallsTooFarBehindIsClosedWith4001() throws Exception {
        FeedClient bystander = connect("bystander");
        long slowBefore = Server.json(http, base(), "ws/stats").getJsonNumber("slow_client_disconnects").longValue();
        try (RawWebSocket flooder = RawWebSocket.open(base(), "flooder", 4096)) {
            // Each ping earns a pong this client never reads: past CLIENT_BUFFER_MESSAGES (1000) it is cut off.
            for (int i = 0; i < 1100; i++) {
                flooder.sendText("{\"type\":\"ping\"}");
            }
            int code = flooder.readUntilClosed();
            if (code == RawWebSocket.RESET) {
                // The server closed with pings of ours still unread, so its TCP stack reset the connection and
                // the close frame was lost; its stats still say what it did.
                await().atMost(WAIT).until(() -> Server.json(http, base(), "ws/stats")
                        .getJsonNumber("slow_client_disconnects").longValue() == slowBefore + 1);
            } else {
                assertEquals(Disconnect.BUFFER_FULL.code(), code);
            }
        }
        bystander.send("{\"type\":\"ping\"}");
        bystander.next("pong", WAIT);
    }
}
