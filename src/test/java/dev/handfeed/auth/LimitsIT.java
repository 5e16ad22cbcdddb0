package dev.handfeed.auth;

import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.FeedClient.Received;
import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import jakarta.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The frame rate per client and the connection caps, on the secured server: 20 frames a second (bursts of 40),
 * {@value SecuredServer#MAX_PER_ADDRESS} connections per address, {@value SecuredServer#MAX_CONNECTIONS} in all.
 * Other addresses are played by 127.0.0.2 and 127.0.0.3, which reach a listener on 127.0.0.1 on Linux.
 */
@ExtendWith(SecuredServerExtension.class)
class LimitsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int FLOOD = 200;

    private final SecuredServer server;
    private final List<AutoCloseable> open = new ArrayList<>();

    LimitsIT(SecuredServer server) {
        this.server = server;
    }

    @BeforeEach
    void noOtherConnections() {
        server.awaitNoConnections();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable connection : open) {
            connection.close();
        }
        server.awaitNoConnections();
    }

    @Test
    void framesOverTheRateGetAnErrorEachAndSustainedAbuseIsClosedWith1008() throws Exception {
        FeedClient bystander = track(server.connect("bystander"));
        bystander.next("connection_ack", WAIT);
        FeedClient flooder = track(server.connect("flooder"));
        flooder.next("connection_ack", WAIT);
        long sendStart = System.nanoTime();
        for (int i = 0; i < FLOOD; i++) {
            flooder.send("{\"type\":\"ping\"}");
        }
        List<Received> answers = new ArrayList<>();
        while (answers.size() < FLOOD) {
            Received r = flooder.next(x -> !x.type().equals("heartbeat"), WAIT, "an answer to every frame");
            answers.add(r);
        }
        double seconds = (System.nanoTime() - sendStart) / 1e9; // the server read every frame within this time
        assertTrue(answers.subList(0, 40).stream().allMatch(r -> r.type().equals("pong")), "the burst of 40 is served");
        List<Received> errors = answers.stream().filter(r -> r.type().equals("error")).toList();
        // The bucket refills at 20 a second while the server reads the frames: at most that many more are served.
        long served = answers.stream().filter(r -> r.type().equals("pong")).count();
        assertTrue(served <= 40 + Math.ceil(20 * seconds) + 1, served + " served in " + seconds + " s");
        assertEquals(FLOOD - served, errors.size());
        assertTrue(!errors.isEmpty(), FLOOD + " frames in " + seconds + " s, all served");
        assertEquals("Too many frames: at most 20 a second (bursts of 40); this one was not read",
                errors.get(0).json().getString("message"));
        // Then 40 frames a second, twice the rate, on and on: closed with 1008 after 10 s of it.
        long start = System.nanoTime();
        while (!flooder.closeCode().isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
            try {
                flooder.send("{\"type\":\"ping\"}");
                flooder.closeCode().get(25, TimeUnit.MILLISECONDS); // paces the loop; returns when the server closes
            } catch (TimeoutException stillOpen) {
                // 25 ms gone: the next frame
            } catch (CompletionException closedMeanwhile) {
                break;
            }
        }
        assertEquals(1008, flooder.closeCode().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        Received last = flooder.next(r -> r.json().getString("message", "").startsWith("Over 20 frames"), WAIT,
                "the error that says why");
        assertEquals("Over 20 frames a second for 10 s: closing (1008)", last.json().getString("message"));
        bystander.send("{\"type\":\"ping\"}");
        bystander.next("pong", WAIT);
    }

    @Test
    void oneAddressGetsAtMostItsShareThen429() throws Exception {
        for (int i = 0; i < SecuredServer.MAX_PER_ADDRESS; i++) {
            track(server.connect("share-" + i)).next("connection_ack", WAIT);
        }
        CompletionException refused = assertThrows(CompletionException.class, () -> track(server.connect("one-more")));
        assertEquals(429, assertInstanceOf(WebSocketHandshakeException.class, refused.getCause()).getResponse()
                .statusCode());
        // Another address still gets in.
        RawWebSocket other = track(RawWebSocket.open(server.base(), "/ws", "127.0.0.2", bearer(), 65536));
        assertEquals("connection_ack", type(other.readFrame()));
    }

    @Test
    void aConnectionTheServerClosesGivesItsPlaceBack() throws Exception {
        for (int i = 1; i < SecuredServer.MAX_PER_ADDRESS; i++) {
            track(server.connect("place-" + i)).next("connection_ack", WAIT);
        }
        // The last place goes to a peer that never reads nor answers pings: closed as dead (4003) within about
        // twice CLIENT_SEND_TIMEOUT_MS (3 s here), by the server.
        try (RawWebSocket silent = RawWebSocket.open(server.base(), "/ws", null, bearer(), 65536)) {
            // The handshake's answer can reach the peer before the server has admitted it: until then its place
            // still looks free to the next handshake, which would be let in and refused with 1013 after it.
            await().atMost(WAIT).until(() -> server.stats().getInt("active_connections") == SecuredServer.MAX_PER_ADDRESS);
            assertThrows(CompletionException.class, () -> track(server.connect("while-full")));
            assertEquals(4003, silent.readUntilClosed());
        }
        await().atMost(WAIT).until(() -> server.stats().getInt("active_connections") == SecuredServer.MAX_PER_ADDRESS - 1);
        track(server.connect("in-its-place")).next("connection_ack", WAIT);
    }

    @Test
    void theServerAsAWholeGetsAtMostMaxConnectionsThen503() throws Exception {
        int fromFirst = SecuredServer.MAX_PER_ADDRESS;
        for (int i = 0; i < fromFirst; i++) {
            track(server.connect("total-" + i)).next("connection_ack", WAIT);
        }
        for (int i = fromFirst; i < SecuredServer.MAX_CONNECTIONS; i++) {
            RawWebSocket raw = track(RawWebSocket.open(server.base(), "/ws", "127.0.0.2", bearer(), 65536));
            assertEquals("connection_ack", type(raw.readFrame()));
        }
        RawWebSocket.Refused refused = assertThrows(RawWebSocket.Refused.class,
                () -> RawWebSocket.open(server.base(), "/ws", "127.0.0.3", bearer(), 65536));
        assertEquals(503, refused.status());
        assertEquals("10", refused.header("Retry-After"));
    }

    @Test
    void connectionsRacingPastTheFilterStillNeverExceedTheCapAndAreClosedWith1013() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Object>> attempts = new ArrayList<>();
            for (int i = 0; i < 3 * SecuredServer.MAX_PER_ADDRESS; i++) {
                attempts.add(pool.submit(() -> {
                    try {
                        RawWebSocket raw = RawWebSocket.open(server.base(), "/ws", null, bearer(), 65536);
                        synchronized (open) {
                            open.add(raw);
                        }
                        RawWebSocket.Frame first = raw.readFrame();
                        if ("error".equals(type(first))) {
                            return raw.readFrame().closeCode(); // the error says why, the close follows
                        }
                        return first.opcode() == 8 ? first.closeCode() : type(first);
                    } catch (RawWebSocket.Refused e) {
                        return e.status();
                    }
                }));
            }
            int admitted = 0;
            for (Future<Object> attempt : attempts) {
                Object outcome = attempt.get(30, TimeUnit.SECONDS);
                if ("connection_ack".equals(outcome)) {
                    admitted++;
                } else {
                    assertTrue(outcome.equals(429) || outcome.equals(1013), "refused with " + outcome);
                }
            }
            assertEquals(SecuredServer.MAX_PER_ADDRESS, admitted);
            assertEquals(SecuredServer.MAX_PER_ADDRESS, server.stats().getInt("active_connections"));
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, String> bearer() {
        return SecuredServer.bearer(server.token("raw", 600));
    }

    private <T extends AutoCloseable> T track(T connection) {
        synchronized (open) {
            open.add(connection);
        }
        return connection;
    }

    private static String type(RawWebSocket.Frame frame) throws IOException {
        return frame == null || frame.opcode() != 1 ? String.valueOf(frame == null ? null : frame.opcode())
                : Json.createReader(new StringReader(frame.text())).readObject().getString("type");
    }
}
