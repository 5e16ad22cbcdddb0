package dev.handfeed.live;

import dev.handfeed.testing.AnyServer;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.Server;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live feed against the real server under test (Payara Micro, then WildFly): connections, heartbeats, client
 * input, stats and health.
 */
@AnyServer
class LiveFeedIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Deployment(testable = false)
    static WebArchive deployment() {
        Server.historyFolder();
        return Server.war();
    }

    @ArquillianResource
    URL url;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FeedClient> clients = new ArrayList<>();

    @AfterEach
    void closeClients() {
        clients.forEach(FeedClient::close);
    }

    private URI base() {
        return URI.create(url.toString());
    }

    private FeedClient connect(String name) {
        FeedClient client = FeedClient.connect(http, base(), name);
        clients.add(client);
        return client;
    }

    @Test
    void everyConnectionIsAcknowledgedFirstWithItsOwnId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Received ack = connect("ack-" + i).next(WAIT);
            JsonObject json = ack.json();
            assertEquals("connection_ack", json.getString("type"));
            assertEquals(json.getString("client_id"), UUID.fromString(json.getString("client_id")).toString());
            assertTrue(json.getString("timestamp").matches(Server.TIMESTAMP), json.getString("timestamp"));
            assertEquals("ack-" + i, json.getString("client_name"));
            ids.add(json.getString("client_id"));
        }
        assertEquals(20, ids.size());
    }

    @Test
    void clientNameIsOptional() throws Exception {
        FeedClient client = FeedClient.connect(http, base(), null);
        clients.add(client);
        assertEquals("anonymous", client.next("connection_ack", WAIT).json().getString("client_name"));
    }

    @Test
    void sixtyConcurrentClientsAllReceiveTheSameBroadcast() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<FeedClient>> opening = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String name = "fan-" + i;
                opening.add(pool.submit(() -> connect(name)));
            }
            List<FeedClient> fans = new ArrayList<>();
            for (Future<FeedClient> f : opening) {
                fans.add(f.get());
            }
            for (FeedClient fan : fans) {
                fan.next("connection_ack", WAIT);
            }
            // A heartbeat sent after everyone was registered must reach all 60.
            Instant allConnected = Instant.now();
            Set<String> stamps = new HashSet<>();
            for (FeedClient fan : fans) {
                Received beat = fan.next(r -> r.type().equals("heartbeat") && r.at().isAfter(allConnected.plusSeconds(1)),
                        WAIT, "no heartbeat broadcast");
                stamps.add(beat.json().getString("timestamp"));
            }
            assertTrue(stamps.size() <= 2, "the 60 clients saw one broadcast (allowing one tick boundary): " + stamps);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void heartbeatsArriveEverySecondAsConfigured() throws Exception {
        FeedClient client = connect("beats");
        client.next("connection_ack", WAIT);
        List<Received> beats = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            beats.add(client.next("heartbeat", WAIT));
        }
        for (int i = 1; i < beats.size(); i++) {
            long gap = Duration.between(beats.get(i - 1).at(), beats.get(i).at()).toMillis();
            assertTrue(gap > 500 && gap < 1500, "heartbeat gap " + gap + " ms, configured 1 s");
            assertTrue(beats.get(i).json().getString("timestamp").matches(Server.TIMESTAMP));
        }
        assertEquals(1, Server.json(http, base(), "ws/stats").getInt("heartbeat_interval"));
    }

    @Test
    void statsHaveTheContractFieldsAndCountConnectionsUpAndDown() throws Exception {
        JsonObject before = Server.json(http, base(), "ws/stats");
        assertEquals(JsonValue.ValueType.NUMBER, before.get("active_connections").getValueType());
        assertEquals(JsonValue.ValueType.NUMBER, before.get("heartbeat_interval").getValueType());
        assertEquals(JsonValue.TRUE, before.get("heartbeat_active"));
        assertEquals(JsonValue.TRUE, before.get("broadcast_worker_active"));
        assertEquals(JsonValue.ValueType.NUMBER, before.get("queue_size").getValueType());
        int baseline = before.getInt("active_connections");
        long closedBefore = before.getJsonNumber("connections_closed").longValue();

        List<FeedClient> opened = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            FeedClient client = connect("count-" + i);
            client.next("connection_ack", WAIT);
            opened.add(client);
        }
        RawWebSocket raw = RawWebSocket.open(base(), "count-raw", 65536);
        await().atMost(WAIT).until(() -> active() == baseline + 10);

        for (int i = 0; i < 3; i++) {
            opened.get(i).close();
        }
        for (int i = 3; i < 9; i++) {
            opened.get(i).abort();
        }
        raw.close();
        await().atMost(WAIT).until(() -> active() == baseline);
        JsonObject after = Server.json(http, base(), "ws/stats");
        assertTrue(after.getJsonNumber("connections_closed").longValue() >= closedBefore + 10);
        assertTrue(after.getJsonNumber("connections_opened").longValue() >= 10);
        assertTrue(after.getJsonNumber("messages_sent").longValue() >= 10);
        assertTrue(after.getJsonNumber("uptime_seconds").longValue() >= 0);
    }

    @Test
    void framesTheServerDoesNotUnderstandGetAnErrorAndTheConnectionStays() throws Exception {
        FeedClient client = connect("bad-frames");
        client.next("connection_ack", WAIT);
        List<String> expected = List.of(
                "Invalid JSON: hello",
                "Expected a JSON object with a \"type\" field, got array",
                "Field 'type' must be a string, got number",
                "Unknown message type 'foo'",
                "Binary frames are not supported; send JSON text");
        client.send("hello");
        client.send("[1]");
        client.send("{\"type\":5}");
        client.send("{\"type\":\"foo\"}");
        client.sendBinary(new byte[] {1, 2, 3});
        for (String message : expected) {
            Received error = client.next("error", WAIT);
            assertEquals(message, error.json().getString("message"));
            assertTrue(error.json().getString("timestamp").matches(Server.TIMESTAMP));
        }
        client.send("{\"type\":\"ping\"}");
        client.next("pong", WAIT);
        assertFalse(client.closeCode().isDone(), "connection still open");
        assertTrue(Server.json(http, base(), "ws/stats").getJsonNumber("errors_sent").longValue() >= 5);
    }

    @Test
    void anOversizedFrameClosesThatConnectionWith1009Only() throws Exception {
        FeedClient bystander = connect("bystander");
        bystander.next("connection_ack", WAIT);
        FeedClient abuser = connect("abuser");
        abuser.next("connection_ack", WAIT);
        abuser.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");
        assertEquals(1009, abuser.closeCode().get(WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS));
        bystander.send("{\"type\":\"ping\"}");
        bystander.next("pong", WAIT);
        bystander.next("heartbeat", WAIT);
    }

    @Test
    void aPeerThatStopsAnsweringPingsIsReleased() throws Exception {
        long before = Server.json(http, base(), "ws/stats").getJsonNumber("dead_peer_disconnects").longValue();
        try (RawWebSocket silent = RawWebSocket.open(base(), "silent", 65536)) {
            // Its first ping comes within CLIENT_SEND_TIMEOUT_MS (8 s here) and is never answered: 8 s later the
            // server closes the connection with 4003.
            await().atMost(Duration.ofSeconds(45)).until(() ->
                    Server.json(http, base(), "ws/stats").getJsonNumber("dead_peer_disconnects").longValue() > before);
            assertEquals(Disconnect.DEAD_PEER.code(), silent.readUntilClosed());
        }
    }

    @Test
    void pagesFromOtherSitesAreRefusedLocalPagesAccepted() throws Exception {
        long rejectedBefore = Server.json(http, base(), "ws/stats").getJsonNumber("rejected_origins").longValue();
        CompletionException refused = assertThrows(CompletionException.class,
                () -> FeedClient.connectWithOrigin(http, base(), "https://evil.example"));
        assertInstanceOf(java.net.http.WebSocketHandshakeException.class, refused.getCause());
        int status = ((java.net.http.WebSocketHandshakeException) refused.getCause()).getResponse().statusCode();
        // A difference documented in docs/wildfly.md: Payara answers the refused handshake with 403, WildFly's
        // Undertow with 404, as if there were no endpoint. Refused and counted on both.
        assertEquals(Server.kind() == Server.Kind.WILDFLY ? 404 : 403, status);
        assertTrue(Server.json(http, base(), "ws/stats").getJsonNumber("rejected_origins").longValue() > rejectedBefore);
        try (FeedClient local = FeedClient.connectWithOrigin(http, base(), "http://localhost:5173")) {
            assertEquals("connection_ack", local.next(WAIT).type());
        }
    }

    @Test
    void permessageDeflateIsNegotiatedOnPayaraAndLeftToUndertowsSettingOnWildFly() throws Exception {
        // Documented in docs/wildfly.md: on Payara the application hands Tyrus its deflate extension; on WildFly
        // the standard standalone.xml does not enable Undertow's per-message-deflate, so nothing is accepted.
        try (RawWebSocket raw = RawWebSocket.open(base(), "/ws?client_name=deflate", null,
                Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"), 65536)) {
            assertNotNull(raw.responseHeader("Sec-WebSocket-Accept"), "the handshake itself succeeded");
            String accepted = raw.responseHeader("Sec-WebSocket-Extensions");
            if (Server.kind() == Server.Kind.WILDFLY) {
                assertNull(accepted, "no extension accepted");
            } else {
                assertNotNull(accepted, "permessage-deflate accepted");
                assertTrue(accepted.startsWith("permessage-deflate"), accepted);
            }
        }
    }

    @Test
    void framesGoToTyrusDirectlyOnPayaraAndThroughTheRemoteEndpointElsewhere() throws Exception {
        // Documented in docs/wildfly.md and docs/benchmarks.md: DIRECT_SEND's fast path exists on Payara only.
        try (FeedClient client = FeedClient.connect(http, base(), "send-path")) {
            client.next("connection_ack", WAIT);
        }
        String path = Server.kind() == Server.Kind.WILDFLY ? "standard" : "tyrus-direct";
        HttpResponse<String> metrics = Server.get(http, base(), "metrics");
        assertTrue(metrics.body().contains("handfeed_send_path{path=\"" + path + "\"} 1"),
                "the path is " + path + ": " + metrics.body().lines().filter(l -> l.contains("send_path")).toList());
        // On Payara a broadcast message is framed once for all clients; elsewhere the container frames each copy.
        String shared = Server.kind() == Server.Kind.WILDFLY ? "0" : "1";
        assertTrue(metrics.body().lines().anyMatch(l -> l.matches("handfeed_send_shared_frames(\\{[^}]*})? " + shared
                + "(\\.0)?")), "shared frames " + shared + ": "
                + metrics.body().lines().filter(l -> l.contains("shared_frames")).toList());
        // And on Payara those frames are written to Grizzly's connection, past the servlet output stream.
        assertTrue(metrics.body().lines().anyMatch(l -> l.matches("handfeed_send_connection_writes(\\{[^}]*})? "
                + shared + "(\\.0)?")), "connection writes " + shared + ": "
                + metrics.body().lines().filter(l -> l.contains("connection_writes")).toList());
        // And Tyrus's idle timer no longer schedules a task for every frame that arrives.
        assertTrue(metrics.body().lines().anyMatch(l -> l.matches("handfeed_idle_timer_quiet(\\{[^}]*})? "
                + shared + "(\\.0)?")), "quiet idle timer " + shared + ": "
                + metrics.body().lines().filter(l -> l.contains("idle_timer")).toList());
    }

    @Test
    void theServersOwnHealthAndMetricsDoNotHideTheApplicationsHealth() {
        JsonObject health = Server.json(http, base(), "health");
        List<String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(check -> check.getString("name")).toList();
        assertTrue(checks.containsAll(List.of("broadcast", "heartbeat", "watcher")), "the application's own: " + checks);
        // The application's /metrics answers on both servers (docs/protocol.md, GET /metrics).
        HttpResponse<String> metrics = Server.get(http, base(), "metrics");
        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.body().contains("handfeed_connections_open"), "the application's own metrics");
        if (Server.kind() == Server.Kind.WILDFLY) {
            // Documented in docs/wildfly.md: WildFly serves its own health and metrics on the management port
            // (loopback only), apart from the application's.
            HttpResponse<String> serverHealth = Server.get(http, Server.wildflyManagement(), "health");
            assertEquals(200, serverHealth.statusCode());
            assertTrue(serverHealth.body().contains("deployments-status"), serverHealth.body());
            HttpResponse<String> serverMetrics = Server.get(http, Server.wildflyManagement(), "metrics");
            assertEquals(200, serverMetrics.statusCode());
            assertTrue(serverMetrics.body().contains("# TYPE "), "Prometheus text");
        }
    }

    @Test
    void healthIsUpWith200() {
        HttpResponse<String> response = Server.get(http, base(), "health");
        assertEquals(200, response.statusCode());
        JsonObject health = Server.json(http, base(), "health");
        assertEquals("UP", health.getString("status"));
        assertTrue(health.getJsonArray("reasons").isEmpty());
        assertNotEquals(0, health.getJsonArray("checks").size());
    }

    private int active() {
        return Server.json(http, base(), "ws/stats").getInt("active_connections");
    }
}
