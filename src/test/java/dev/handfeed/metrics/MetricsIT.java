package dev.handfeed.metrics;

import dev.handfeed.testing.Exposition;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.HandTexts;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /metrics} of the running server, read by the Prometheus project's own parsers: both formats parse,
 * counters move by exactly what happened, and histograms count every delivered hand.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** A table of its own: its hand ids are new to the journal the integration tests share. */
    private static final long TABLE = 8_900_001L; // its own: other ITs share the journal, and hand ids are never sent twice
    private static final AtomicInteger NEXT_HAND = new AtomicInteger(1);
    /** What Prometheus sends. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    @Deployment(testable = false)
    static WebArchive deployment() {
        Server.historyFolder();
        return Server.war();
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newHttpClient();

    private URI base() {
        return URI.create(url.toString());
    }

    @BeforeEach
    void watcherIsUp() {
        await().atMost(WAIT).until(() -> Server.get(http, base(), "health").statusCode() == 200);
    }

    private HttpResponse<String> get(String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve("metrics")).timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }

    /** The metrics as Prometheus scrapes them, through the strict OpenMetrics parser. */
    private Exposition scrape() throws IOException, InterruptedException {
        return Exposition.parse(get(PROMETHEUS_ACCEPT).body(), true);
    }

    private static void append(String text) throws IOException {
        Files.writeString(Server.historyFolder().resolve("20260101_Metrics_real_holdem_no-limit.txt"), text,
                StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void bothPrometheusFormatsParseStrictlyAndCarryTheSameSeries() throws Exception {
        HttpResponse<String> text = get(null);
        assertEquals("text/plain;charset=utf-8;version=0.0.4",
                text.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        HttpResponse<String> openMetrics = get(PROMETHEUS_ACCEPT);
        assertTrue(openMetrics.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text"));
        assertTrue(openMetrics.body().endsWith("# EOF\n"));

        Exposition fromText = Exposition.parse(text.body(), false);
        Exposition strict = Exposition.parse(openMetrics.body(), true);
        Set<String> textNames = new TreeSet<>(fromText.names());
        Set<String> strictNames = new TreeSet<>(strict.names());
        textNames.removeIf(n -> !n.startsWith("handfeed_"));
        strictNames.removeIf(n -> !n.startsWith("handfeed_"));
        assertEquals(textNames, strictNames);

        // The JVM and the process, from the library's own binders.
        for (String name : List.of("jvm_memory_used_bytes", "jvm_memory_max_bytes", "jvm_gc_pause_seconds_count",
                "jvm_threads_live_threads", "process_cpu_usage", "process_files_open_files",
                "process_uptime_seconds")) {
            assertTrue(strict.names().contains(name), name + " missing");
        }
        assertTrue(strict.samples().stream().anyMatch(s -> s.name().equals("jvm_memory_used_bytes")
                && "heap".equals(s.labels().get("area"))));
        for (String check : List.of("broadcast", "heartbeat", "watcher")) {
            assertEquals(1, strict.value("handfeed_health_up", "check", check), check + " is UP, as /health says");
        }
    }

    @Test
    void labelValuesComeFromClosedSetsAndEveryMetricIsDocumented() throws Exception {
        Map<String, String> allowed = Map.of("code", "1\\d{3}|400[1-3]|other",
                "type", String.join("|", FrameTypes.NAMES),
                "game_type", String.join("|", HandLabels.GAME_TYPES).replace("-", "\\-") + "|other",
                "kind", "cash|play_money|tournament", "outcome", "complete|failed",
                "reason", "retention|unknown_stream|future_event_id", "check", "broadcast|heartbeat|watcher",
                "path", "tyrus-direct|standard",
                "role", "tailer|standby|serving",
                "le", "[0-9.E+-]+|\\+Inf");
        String protocol = Files.readString(Path.of("docs/protocol.md"));
        for (Exposition.Sample sample : scrape().samples()) {
            if (!sample.name().startsWith("handfeed_")) {
                continue;
            }
            sample.labels().forEach((label, value) -> {
                assertTrue(allowed.containsKey(label), "label " + label + " of " + sample.name());
                assertTrue(value.matches(allowed.get(label)), label + "=" + value + " of " + sample.name());
            });
            assertTrue(protocol.contains("`" + sample.family()), sample.family() + " is not in docs/protocol.md");
        }
    }

    @Test
    void countersMoveByExactlyTheHandsWrittenAndHistogramsCountEveryDelivery() throws Exception {
        await().atMost(WAIT).until(() -> scrape().value("handfeed_connections_open") == 0);
        int hands = 5;
        try (FeedClient one = FeedClient.connect(http, base(), "metrics-1");
             FeedClient two = FeedClient.connect(http, base(), "metrics-2")) {
            one.next("connection_ack", WAIT);
            two.next("connection_ack", WAIT);
            assertEquals(2, scrape().value("handfeed_connections_open"));
            Exposition before = scrape();
            int first = NEXT_HAND.getAndAdd(hands);
            long handBytes = 0;
            for (int n = first; n < first + hands; n++) {
                append(HandTexts.cash(TABLE, n));
                for (FeedClient client : List.of(one, two)) {
                    FeedClient.Received hand = client.next("new_hand", WAIT);
                    assertEquals(HandTexts.handId(TABLE, n), hand.json().getString("hand_id"));
                    handBytes += hand.text().getBytes(StandardCharsets.UTF_8).length;
                }
            }
            // Sends are counted as they complete, a moment after the client may have read them.
            await().atMost(WAIT).until(() -> delta(scrape(), before, "handfeed_hand_delivery_seconds_count") >= 2 * hands);
            Exposition after = scrape();

            String[] cash = {"game_type", "NLH", "kind", "cash"};
            assertEquals(hands, after.value("handfeed_hands_detected_total", cash)
                    - before.valueOrZero("handfeed_hands_detected_total", cash));
            assertEquals(hands, after.value("handfeed_hands_broadcast_total", cash)
                    - before.valueOrZero("handfeed_hands_broadcast_total", cash));
            assertEquals(2 * hands, after.value("handfeed_messages_sent_total", "type", "new_hand")
                    - before.value("handfeed_messages_sent_total", "type", "new_hand"));
            assertEquals(2 * hands, delta(after, before, "handfeed_hand_delivery_seconds_count"));
            assertEquals(2 * hands, after.value("handfeed_hand_delivery_seconds_bucket", "le", "+Inf")
                    - before.value("handfeed_hand_delivery_seconds_bucket", "le", "+Inf"));
            assertEquals(hands, delta(after, before, "handfeed_hand_delivery_first_client_seconds_count"),
                    "one first delivery per hand");
            assertEquals(0, delta(after, before, "handfeed_hand_parse_errors_total"));
            assertEquals(0, delta(after, before, "handfeed_duplicate_hands_skipped_total"));
            assertTrue(delta(after, before, "handfeed_journal_commit_seconds_count") >= hands, "one record per read");
            assertTrue(delta(after, before, "handfeed_journal_store_seconds_count") >= hands - 1,
                    "each read is stored after its broadcast, so before the next hand's read (the last may be under way)");
            assertTrue(delta(after, before, "handfeed_broadcast_duration_seconds_count") >= hands);
            assertTrue(delta(after, before, "handfeed_sent_bytes_total") >= handBytes,
                    "the hands' bytes, and the heartbeats' beside them");
            assertTrue(delta(after, before, "handfeed_hand_delivery_seconds_sum") > 0);
            JsonObject stats = Server.json(http, base(), "ws/stats");
            assertEquals(stats.getJsonNumber("hands_broadcast").longValue(),
                    (long) sum(after, "handfeed_hands_broadcast_total"), "/ws/stats and /metrics agree");
        }
    }

    @Test
    void connectionsAreCountedAsTheyOpenAndCloseByCloseCode() throws Exception {
        await().atMost(WAIT).until(() -> scrape().value("handfeed_connections_open") == 0);
        Exposition before = scrape();
        FeedClient polite = FeedClient.connect(http, base(), "polite");
        FeedClient crashing = FeedClient.connect(http, base(), "crashing");
        polite.next("connection_ack", WAIT);
        crashing.next("connection_ack", WAIT);
        assertEquals(2, scrape().value("handfeed_connections_open"));
        assertEquals(1000, polite.closeNormally(WAIT));
        crashing.abort();
        await().atMost(WAIT).until(() -> scrape().value("handfeed_connections_open") == 0);
        Exposition after = scrape();
        assertEquals(2, delta(after, before, "handfeed_connections_opened_total"));
        assertEquals(1, after.value("handfeed_connections_closed_total", "code", "1000")
                - before.valueOrZero("handfeed_connections_closed_total", "code", "1000"));
        assertEquals(1, after.value("handfeed_connections_closed_total", "code", "1006")
                - before.valueOrZero("handfeed_connections_closed_total", "code", "1006"));
    }

    @Test
    void replaysAreCountedByOutcomeAndGapReason() throws Exception {
        String stream;
        long last;
        try (FeedClient probe = FeedClient.connect(http, base(), "replay-probe")) {
            JsonObject ack = probe.next("connection_ack", WAIT).json();
            stream = ack.getString("stream_id");
            last = ack.getJsonNumber("last_event_id").longValue();
        }
        int first = NEXT_HAND.getAndAdd(2);
        try (FeedClient live = FeedClient.connect(http, base(), "replay-live")) {
            live.next("connection_ack", WAIT);
            append(HandTexts.cash(TABLE, first) + HandTexts.cash(TABLE, first + 1));
            live.next("new_hand", WAIT);
            live.next("new_hand", WAIT);
        }
        Exposition before = scrape();
        try (FeedClient behind = FeedClient.connect(http, resume(last, stream));
             FeedClient ahead = FeedClient.connect(http, resume(last + 1_000_000, stream))) {
            assertEquals(2, behind.next("replay_complete", WAIT).json().getInt("count"));
            assertEquals("future_event_id", ahead.next("replay_gap", WAIT).json().getString("reason"));
            assertEquals(0, ahead.next("replay_complete", WAIT).json().getInt("count"));
        }
        Exposition after = scrape();
        assertEquals(2, after.value("handfeed_replays_total", "outcome", "complete")
                - before.value("handfeed_replays_total", "outcome", "complete"));
        assertEquals(1, after.value("handfeed_replay_gaps_total", "reason", "future_event_id")
                - before.value("handfeed_replay_gaps_total", "reason", "future_event_id"));
        assertEquals(0, after.value("handfeed_replay_gaps_total", "reason", "retention")
                - before.value("handfeed_replay_gaps_total", "reason", "retention"));
        assertEquals(2, delta(after, before, "handfeed_events_replayed_total"));
    }

    private URI resume(long lastEventId, String stream) {
        return URI.create(FeedClient.wsUri(base(), "resuming") + "&last_event_id=" + lastEventId
                + "&stream_id=" + stream);
    }

    @Test
    void theDashboardQueriesOnlyMetricsThatExist() throws Exception {
        Set<String> queried = GrafanaDashboard.read(Path.of("docs/grafana/handfeed.json")).metricNames();
        Set<String> exposed = scrape().names();
        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(exposed);
        assertEquals(Set.of(), missing, "queried by docs/grafana/handfeed.json but not in /metrics");
        for (String needed : List.of("handfeed_connections_open", "handfeed_hands_broadcast_total",
                "handfeed_hand_delivery_first_client_seconds_bucket", "handfeed_hand_delivery_seconds_bucket",
                "handfeed_hand_parse_errors_total", "handfeed_slow_client_disconnects_total",
                "handfeed_dead_peer_disconnects_total", "handfeed_replays_total", "handfeed_replay_gaps_total",
                "jvm_memory_used_bytes")) {
            assertTrue(queried.contains(needed), "the dashboard shows " + needed);
        }
    }

    private static double delta(Exposition after, Exposition before, String name) {
        return sum(after, name) - sum(before, name);
    }

    private static double sum(Exposition exposition, String name) {
        return exposition.samples().stream().filter(s -> s.name().equals(name))
                .mapToDouble(Exposition.Sample::value).sum();
    }
}
