package dev.handfeed.watcher;

import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.PayaraProcess;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Restarts, black box, with Payara Micro started as users start it: the server killed with -9 and started again on
 * the same folders (exactly once across restarts), and the watcher task failing and restarting itself.
 */
class RestartIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newHttpClient();

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void handsAppendedWhileTheServerWasDownAreDeliveredOnceAndNothingIsRepeated() throws Exception {
        Path work = Files.createDirectories(Server.itDir().resolve("restart"));
        Path history = Files.createDirectories(work.resolve("history"));
        Map<String, String> settings = Map.of("WINAMAX_HISTORY_PATH", history.toString(),
                "HANDFEED_DATA_DIR", work.resolve("data").toString(), "HEARTBEAT_INTERVAL", "1",
                "QUIET_PERIOD_MS", "300", "RESCAN_INTERVAL_MS", "1000");
        Path table = history.resolve("20260101_Nice_real_holdem_no-limit.txt");
        append(table, HandTexts.cash(1) + HandTexts.cash(2));

        long eventBeforeKill;
        String stream;
        PayaraProcess first = PayaraProcess.start(settings, work, "server-1.log");
        assertTrue(Files.readAllLines(first.log()).stream().noneMatch(l -> l.contains("in place of handfeed's")),
                "with the pre-boot commands, /health and /metrics are handfeed's");
        try (FeedClient client = FeedClient.connect(http, first.base(), "restart-1")) {
            stream = client.next("connection_ack", WAIT).json().getString("stream_id");
            assertEquals(2, stats(first).getInt("history_skipped"), "hands there on the first start are history");
            append(table, HandTexts.cash(3));
            JsonObject hand = client.next("new_hand", WAIT).json();
            assertEquals(HandTexts.handId(3), hand.getString("hand_id"));
            eventBeforeKill = hand.getJsonNumber("event_id").longValue();
        } finally {
            first.kill();
        }

        // While the server is down: one more hand at the same table, a new table, and an old hand written again.
        append(table, HandTexts.cash(4));
        append(history.resolve("20260101_Paris_real_holdem_no-limit.txt"), HandTexts.cash(5) + HandTexts.cash(2));

        try (PayaraProcess second = PayaraProcess.start(settings, work, "server-2.log");
             FeedClient client = FeedClient.connect(http, second.base(), "restart-2");
             FeedClient resuming = FeedClient.connect(http, resumeUri(second, eventBeforeKill, stream))) {
            client.next("connection_ack", WAIT);
            // Hands 4 and 5 went out at start-up, before anyone was connected: the resuming client gets them.
            JsonObject ack = resuming.next("connection_ack", WAIT).json();
            assertEquals(stream, ack.getString("stream_id"), "the journal is the same one");
            assertEquals(eventBeforeKill + 2, ack.getJsonNumber("last_event_id").longValue());
            assertEquals(HandTexts.handId(4), resuming.next("new_hand", WAIT).json().getString("hand_id"));
            assertEquals(HandTexts.handId(5), resuming.next("new_hand", WAIT).json().getString("hand_id"));
            assertEquals(2, resuming.next("replay_complete", WAIT).json().getInt("count"));
            JsonObject stats = stats(second);
            assertEquals(2, stats.getInt("hands_broadcast"), "hands 4 and 5, appended while down, went out once");
            assertEquals(0, stats.getInt("history_skipped"));
            assertEquals(1, stats.getInt("duplicates_skipped"), "hand 2, written again, was not sent again");

            append(table, HandTexts.cash(6));
            JsonObject hand = client.next("new_hand", WAIT).json();
            assertEquals(HandTexts.handId(6), hand.getString("hand_id"), "nothing older is repeated");
            assertEquals(eventBeforeKill + 3, hand.getJsonNumber("event_id").longValue(),
                    "event ids go on from before the kill: 4 and 5 took the two in between");
            assertEquals(HandTexts.handId(6), resuming.next("new_hand", WAIT).json().getString("hand_id"),
                    "the resumed client is live too, with nothing repeated");
        }
    }

    @Test
    void retentionIsAnnouncedAsAGapAndAWipedJournalIsAnotherStream() throws Exception {
        Path work = Files.createDirectories(Server.itDir().resolve("retention"));
        Path history = Files.createDirectories(work.resolve("history"));
        Path data = work.resolve("data");
        Map<String, String> settings = Map.of("WINAMAX_HISTORY_PATH", history.toString(),
                "HANDFEED_DATA_DIR", data.toString(), "QUIET_PERIOD_MS", "300", "RESCAN_INTERVAL_MS", "1000",
                "REPLAY_MAX_EVENTS", "3", "REPLAY_PURGE_INTERVAL_MS", "300");
        Path table = history.resolve("20260101_Nice_real_holdem_no-limit.txt");
        String stream;
        try (PayaraProcess server = PayaraProcess.start(settings, work, "retention-1.log")) {
            for (int n = 1; n <= 5; n++) {
                append(table, HandTexts.cash(n));
            }
            // Five events, three kept: the purge raises the watermark to event 2.
            await().atMost(WAIT).until(() -> Server.json(http, server.base(), "events")
                    .getJsonNumber("first_available_event_id").longValue() == 3);
            try (FeedClient client = FeedClient.connect(http, resumeUri(server, 0, null))) {
                stream = client.next("connection_ack", WAIT).json().getString("stream_id");
                JsonObject gap = client.next(WAIT).json();
                assertEquals("replay_gap", gap.getString("type"));
                assertEquals("retention", gap.getString("reason"));
                assertEquals(0, gap.getInt("requested_event_id"));
                assertEquals(3, gap.getInt("first_available_event_id"));
                for (int n = 3; n <= 5; n++) {
                    assertEquals(HandTexts.handId(n), client.next(WAIT).json().getString("hand_id"));
                }
                JsonObject complete = client.next(WAIT).json();
                assertEquals("replay_complete", complete.getString("type"));
                assertEquals(3, complete.getInt("from_event_id"));
                assertEquals(5, complete.getInt("to_event_id"));
                assertEquals(3, complete.getInt("count"));
            }
        }

        deleteTree(data);
        try (PayaraProcess server = PayaraProcess.start(settings, work, "retention-2.log");
             FeedClient client = FeedClient.connect(http, resumeUri(server, 5, stream))) {
            JsonObject ack = client.next("connection_ack", WAIT).json();
            assertTrue(!stream.equals(ack.getString("stream_id")), "a new journal is a new stream");
            JsonObject gap = client.next(WAIT).json();
            assertEquals("unknown_stream", gap.getString("reason"));
            assertEquals(0, client.next("replay_complete", WAIT).json().getInt("count"));
        }
    }

    private static java.net.URI resumeUri(PayaraProcess server, long lastEventId, String stream) {
        return java.net.URI.create(FeedClient.wsUri(server.base(), "resuming") + "&last_event_id=" + lastEventId
                + (stream == null ? "" : "&stream_id=" + stream));
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void aFailingWatcherIsReportedByHealthAndComesBackByItself() throws Exception {
        Path work = Files.createDirectories(Server.itDir().resolve("watcher-failure"));
        Path history = Files.createDirectories(work.resolve("history"));
        // The data folder is a file: the journal cannot open, so the watcher task fails at every attempt.
        Path data = work.resolve("data");
        Files.writeString(data, "not a folder");
        Map<String, String> settings = Map.of("WINAMAX_HISTORY_PATH", history.toString(),
                "HANDFEED_DATA_DIR", data.toString(), "HEARTBEAT_INTERVAL", "1");
        try (PayaraProcess server = PayaraProcess.start(settings, work, "server.log", 503);
             FeedClient client = FeedClient.connect(http, server.base(), "failure")) {
            client.next("connection_ack", WAIT);
            JsonObject health = Server.json(http, server.base(), "health");
            assertEquals("DOWN", health.getString("status"));
            String reason = health.getJsonArray("reasons").getString(0);
            assertTrue(reason.startsWith("watcher: watcher failed") && reason.contains("restarting"), reason);
            assertTrue(stats(server).getInt("watcher_restarts") >= 1);

            Files.delete(data);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    Server.get(http, server.base(), "health").statusCode() == 200);
            append(history.resolve("20260101_Nice_real_holdem_no-limit.txt"), HandTexts.cash(1));
            assertEquals(HandTexts.handId(1), client.next("new_hand", WAIT).json().getString("hand_id"));
        }
    }

    private JsonObject stats(PayaraProcess server) {
        return Server.json(http, server.base(), "ws/stats");
    }
}
