package dev.handfeed.cluster;

import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.PayaraProcess;
import dev.handfeed.testing.Postgres;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nodes on one PostgreSQL journal, black box: a real PostgreSQL and real Payara Micro nodes on loopback, started once
 * for every case (in this order). Node A tails folder 1, node B folder 2; node C, on folder 1 too, is A's standby,
 * and reaches the journal through a DataSource of the server's (JOURNAL_DATASOURCE) where the others have its URL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long TABLE_1 = 1001;
    private static final long TABLE_2 = 2002;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path work;
    private static Path folder1;
    private static Path folder2;
    private static Postgres postgres;
    private static String journalUrl;
    private static PayaraProcess nodeA;
    private static PayaraProcess nodeB;
    private static PayaraProcess nodeC;

    @BeforeAll
    static void start() throws Exception {
        work = Files.createDirectories(Server.itDir().resolve("cluster"));
        folder1 = Files.createDirectories(work.resolve("history-1"));
        folder2 = Files.createDirectories(work.resolve("history-2"));
        postgres = Postgres.start(work.resolve("postgres"));
        journalUrl = postgres.createDatabase("handfeed");
        CompletableFuture<PayaraProcess> a = CompletableFuture.supplyAsync(() -> node("node-a", folder1));
        CompletableFuture<PayaraProcess> b = CompletableFuture.supplyAsync(() -> node("node-b", folder2));
        nodeA = a.join();
        nodeB = b.join();
    }

    @AfterAll
    static void stop() throws Exception {
        for (PayaraProcess node : new PayaraProcess[] {nodeA, nodeB, nodeC}) {
            if (node != null) {
                node.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static PayaraProcess node(String id, Path folder) {
        Map<String, String> settings = new HashMap<>(Map.of("WINAMAX_HISTORY_PATH", folder.toString(),
                "HANDFEED_DATA_DIR", work.resolve("data-" + id).toString(), "QUIET_PERIOD_MS", "300",
                "RESCAN_INTERVAL_MS", "1000", "JOURNAL_URL", journalUrl, "JOURNAL_USER", postgres.user(),
                "NODE_ID", id));
        try {
            return PayaraProcess.start(settings, work, id + ".log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A node whose journal is the server's own DataSource, by JNDI name (JOURNAL_DATASOURCE): a Payara connection
     * pool over the PostgreSQL driver, which the server loads from --addlibs.
     */
    private static PayaraProcess nodeOnServerDataSource(String id, Path folder) throws Exception {
        String database = journalUrl.substring(journalUrl.lastIndexOf('/') + 1);
        int port = Integer.parseInt(journalUrl.replaceAll(".*:(\\d+)/.*", "$1"));
        Path commands = Files.writeString(work.resolve(id + "-post-boot.asadmin"),
                // Connections validated before use: after a database restart the pool must not hand out dead ones.
                "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
                        + " --isconnectvalidatereq=true --validationmethod=meta-data --failconnection=true"
                        // The pool insists on a password; the test database trusts loopback and ignores it.
                        + " --restype=javax.sql.DataSource --property=user=" + postgres.user() + ":password=unused"
                        + ":serverName=127.0.0.1:portNumber=" + port + ":databaseName=" + database + " handfeed-pool\n"
                        + "create-jdbc-resource --connectionpoolid=handfeed-pool jdbc/handfeed\n");
        Path driver = Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, String> settings = Map.of("WINAMAX_HISTORY_PATH", folder.toString(),
                "HANDFEED_DATA_DIR", work.resolve("data-" + id).toString(), "QUIET_PERIOD_MS", "300",
                "RESCAN_INTERVAL_MS", "1000", "JOURNAL_DATASOURCE", "jdbc/handfeed", "NODE_ID", id);
        return PayaraProcess.start(settings, work, id + ".log", List.of("--addlibs", driver.toString(),
                "--postbootcommandfile", commands.toString()));
    }

    @Test
    @Order(1)
    void aHandAppendedToTheFolderOfNodeAReachesAClientOfNodeBOnce() throws Exception {
        try (FeedClient onA = live(nodeA, "on-a", "");
             FeedClient onB = live(nodeB, "on-b", "")) {
            assertEquals(stream(nodeA), stream(nodeB), "one stream");
            append(folder1, TABLE_1, 1);
            JsonObject onBHand = onB.next("new_hand", WAIT).json();
            assertEquals(HandTexts.handId(TABLE_1, 1), onBHand.getString("hand_id"));
            assertEquals(HandTexts.HERO, onBHand.getString("hero"));
            JsonObject onAHand = onA.next("new_hand", WAIT).json();
            assertEquals(onBHand, onAHand, "the same event, byte for byte, on both nodes");
            append(folder1, TABLE_1, 2);
            assertEquals(HandTexts.handId(TABLE_1, 2), onB.next("new_hand", WAIT).json().getString("hand_id"),
                    "the next one, nothing repeated in between");
        }
        JsonObject health = Server.json(HTTP, nodeB.base(), "health");
        assertEquals("UP", health.getString("status"));
        assertEquals("node-b", health.getJsonObject("node").getString("id"));
        assertEquals("tailer", health.getJsonObject("node").getString("role"));
        JsonObject stats = Server.json(HTTP, nodeB.base(), "ws/stats");
        assertEquals("node-b", stats.getString("node_id"));
        assertEquals(0, stats.getInt("hands_detected"), "node B published none of them");
        assertEquals(2, stats.getInt("hands_broadcast"), "and delivered both");
        assertEquals(0, stats.getInt("event_lag"));
    }

    @Test
    @Order(2)
    void twoPublishersHandsInterleaveInOneEventOrderOnBothNodes() throws Exception {
        try (FeedClient onA = live(nodeA, "on-a", "");
             FeedClient onB = live(nodeB, "on-b", "");
             FeedClient coach = live(nodeB, "coach",
                     "&hero=" + java.net.URLEncoder.encode(HandTexts.HERO, StandardCharsets.UTF_8))) {
            for (int n = 10; n < 14; n++) {
                append(folder1, TABLE_1, n);
                append(folder2, TABLE_2, n);
            }
            List<String> seenOnA = hands(onA, 8);
            List<String> seenOnB = hands(onB, 8);
            assertEquals(seenOnA, seenOnB, "one order, ids included, on both nodes");
            assertEquals(seenOnA, hands(coach, 8), "the hero filter keeps that player's hands");
            List<String> expected = new ArrayList<>();
            for (int n = 10; n < 14; n++) {
                expected.add(HandTexts.handId(TABLE_1, n));
                expected.add(HandTexts.handId(TABLE_2, n));
            }
            assertEquals(expected.stream().sorted().toList(),
                    seenOnA.stream().map(h -> h.substring(h.indexOf(' ') + 1)).sorted().toList(), "each hand once");
        }
    }

    @Test
    @Order(3)
    void theStandbyTakesOverWhenTheTailerIsKilledAndAClientResumesOnAnotherNode() throws Exception {
        nodeC = nodeOnServerDataSource("node-c", folder1);
        assertEquals("standby", Server.json(HTTP, nodeC.base(), "health").getJsonObject("node").getString("role"));
        try (FeedClient onA = live(nodeA, "on-a", "");
             FeedClient onB = live(nodeB, "on-b", "")) {
            String stream = stream(nodeA);
            append(folder1, TABLE_1, 20);
            long lastOnA = onA.next("new_hand", WAIT).json().getJsonNumber("event_id").longValue();
            assertEquals(HandTexts.handId(TABLE_1, 20), onB.next("new_hand", WAIT).json().getString("hand_id"));

            long killedAt = System.nanoTime();
            nodeA.kill();
            nodeA = null;
            append(folder1, TABLE_1, 21); // around the takeover: read by nobody, or by A just before it died
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> "tailer".equals(
                    Server.json(HTTP, nodeC.base(), "health").getJsonObject("node").getString("role")));
            long takeoverMillis = (System.nanoTime() - killedAt) / 1_000_000;
            append(folder1, TABLE_1, 22);
            assertEquals(HandTexts.handId(TABLE_1, 21), onB.next("new_hand", WAIT).json().getString("hand_id"));
            assertEquals(HandTexts.handId(TABLE_1, 22), onB.next("new_hand", WAIT).json().getString("hand_id"));

            // The client of the killed node resumes on node B from the last event it had.
            try (FeedClient resumed = FeedClient.connect(HTTP, URI.create(FeedClient.wsUri(nodeB.base(), "resumed")
                    + "&stream_id=" + stream + "&last_event_id=" + lastOnA))) {
                resumed.next("connection_ack", WAIT);
                List<String> got = new ArrayList<>();
                while (got.size() < 2) {
                    FeedClient.Received r = resumed.next(WAIT);
                    if (r.type().equals("new_hand")) {
                        got.add(r.json().getString("hand_id"));
                    }
                }
                assertEquals(List.of(HandTexts.handId(TABLE_1, 21), HandTexts.handId(TABLE_1, 22)), got);
                append(folder1, TABLE_1, 23);
                assertEquals(HandTexts.handId(TABLE_1, 23), resumed.next("new_hand", WAIT).json().getString("hand_id"),
                        "live after the replay, nothing repeated");
                assertEquals(HandTexts.handId(TABLE_1, 23), onB.next("new_hand", WAIT).json().getString("hand_id"),
                        "hands 20 to 23 reached node B's client once each, in order");
            }
            System.out.println("Takeover after kill -9: " + takeoverMillis + " ms");
        }
    }

    @Test
    @Order(4)
    void noHandIsLostWhileTheDatabaseIsDown() throws Exception {
        try (FeedClient onB = live(nodeB, "on-b", "")) {
            postgres.stop();
            await().atMost(WAIT).until(() -> Server.get(HTTP, nodeB.base(), "health").statusCode() == 503
                    && Server.get(HTTP, nodeC.base(), "health").statusCode() == 503);
            append(folder1, TABLE_1, 30);
            append(folder2, TABLE_2, 30);
            postgres.startAgain();
            await().atMost(Duration.ofSeconds(60)).until(() -> Server.get(HTTP, nodeB.base(), "health").statusCode()
                    == 200 && Server.get(HTTP, nodeC.base(), "health").statusCode() == 200);
            List<String> got = List.of(onB.next("new_hand", Duration.ofSeconds(60)).json().getString("hand_id"),
                    onB.next("new_hand", WAIT).json().getString("hand_id"));
            assertEquals(List.of(HandTexts.handId(TABLE_1, 30), HandTexts.handId(TABLE_2, 30)),
                    got.stream().sorted().toList());
            append(folder2, TABLE_2, 31);
            assertEquals(HandTexts.handId(TABLE_2, 31), onB.next("new_hand", WAIT).json().getString("hand_id"),
                    "nothing lost and nothing repeated across the outage");
        }
    }

    /**
     * A client that gets every event after the node's newest, exactly once: it resumes from there. (A client that
     * does not resume is promised what is broadcast once it is registered, which its ack can arrive before.)
     */
    private static FeedClient live(PayaraProcess node, String name, String filters) throws InterruptedException {
        JsonObject stats = Server.json(HTTP, node.base(), "ws/stats");
        FeedClient client = FeedClient.connect(HTTP, URI.create(FeedClient.wsUri(node.base(), name) + filters
                + "&stream_id=" + stats.getString("stream_id") + "&last_event_id="
                + stats.getJsonNumber("last_event_id").longValue()));
        client.next("connection_ack", WAIT);
        client.next("replay_complete", WAIT);
        return client;
    }

    private static String stream(PayaraProcess node) {
        return Server.json(HTTP, node.base(), "ws/stats").getString("stream_id");
    }

    /** The next {@code count} hands a client receives, as "event_id hand_id". */
    private static List<String> hands(FeedClient client, int count) throws InterruptedException {
        List<String> hands = new ArrayList<>();
        long last = 0;
        while (hands.size() < count) {
            JsonObject hand = client.next(r -> r.type().equals("new_hand"), WAIT, "a new_hand after " + hands).json();
            long id = hand.getJsonNumber("event_id").longValue();
            assertTrue(id > last, "event ids only go up: " + id + " after " + last);
            last = id;
            hands.add(id + " " + hand.getString("hand_id"));
        }
        return hands;
    }

    private static void append(Path folder, long table, int n) throws IOException {
        Files.writeString(folder.resolve("20260101_T" + table + "_real_holdem_no-limit.txt"), HandTexts.cash(table, n),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
