package dev.handfeed.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** A real WebSocket client (the JDK's) that records what it receives, for tests to wait on with deadlines. */
public final class FeedClient implements AutoCloseable {

    /**
     * One reader factory for every message: {@code Json.createReader} looks its provider up through the
     * ServiceLoader each time, about 2 ms on the test classpath. Clients receiving thousands of hands then answer
     * the server's pings so late on a busy machine that it closes them as dead peers.
     */
    static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    /** One received text frame and when it arrived. */
    public record Received(JsonObject json, String text, Instant at) {
        public String type() {
            return json.getString("type");
        }
    }

    private final WebSocket socket;
    private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    private FeedClient(HttpClient http, URI uri, String origin) {
        this(http, uri, origin == null ? Map.of() : Map.of("Origin", origin), List.of());
    }

    private FeedClient(HttpClient http, URI uri, Map<String, String> headers, List<String> subprotocols) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        socket = builder.buildAsync(uri, new Listener()).orTimeout(20, TimeUnit.SECONDS).join();
    }

    /** Connects with these handshake headers ({@code Authorization}, {@code Origin}) and offered subprotocols. */
    public static FeedClient connect(HttpClient http, URI uri, Map<String, String> headers, List<String> subprotocols) {
        return new FeedClient(http, uri, headers, subprotocols);
    }

    /** The subprotocol the server selected, empty when none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    public static FeedClient connect(HttpClient http, URI base, String clientName) {
        return new FeedClient(http, wsUri(base, clientName), null);
    }

    /** Connects to a full WebSocket URI, query string included (resume, filters). */
    public static FeedClient connect(HttpClient http, URI uri) {
        return new FeedClient(http, uri, null);
    }

    public static FeedClient connectWithOrigin(HttpClient http, URI base, String origin) {
        return new FeedClient(http, wsUri(base, "origin-test"), origin);
    }

    public static URI wsUri(URI base, String clientName) {
        String query = clientName == null ? "" : "?client_name=" + clientName;
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws" + query);
    }

    /** The next message, failing the test when none arrives in time. */
    public Received next(Duration timeout) throws InterruptedException {
        Received received = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(received, "no message within " + timeout);
        return received;
    }

    /** The next message of a type, skipping others (typically heartbeats). */
    public Received next(String type, Duration timeout) throws InterruptedException {
        return next(r -> r.type().equals(type), timeout, "no '" + type + "' message");
    }

    public Received next(Predicate<Received> wanted, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received received = messages.poll(Math.max(left, 0), TimeUnit.NANOSECONDS);
            assertNotNull(received, what + " within " + timeout);
            if (wanted.test(received)) {
                return received;
            }
        }
    }

    public List<Received> drain() {
        List<Received> all = new ArrayList<>();
        messages.drainTo(all);
        return all;
    }

    public void send(String text) {
        socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    /** Closes with 1000 and waits for the server's close frame: the server has then seen a normal closure. */
    public int closeNormally(Duration timeout) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        int code = closeCode.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        socket.abort();
        return code;
    }

    /** Drops the TCP connection without a close frame, as a crashed client would. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                messages.add(new Received(JSON.createReader(new StringReader(text)).readObject(), text, Instant.now()));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
