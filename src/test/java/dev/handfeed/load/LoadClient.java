package dev.handfeed.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load client: records when each heartbeat and each hand arrived (System.nanoTime), and how long its own
 * handling of each message took, so that the tool's cost can be told apart from the server's.
 */
final class LoadClient implements WebSocket.Listener {

    private final long startedNanos = System.nanoTime();
    private final CompletableFuture<Long> acknowledged = new CompletableFuture<>();
    private final Map<String, Long> heartbeats = new ConcurrentHashMap<>();
    private final Map<String, Long> hands = new ConcurrentHashMap<>();
    private final Map<String, Long> handCost = new ConcurrentHashMap<>();
    private final AtomicLong duplicates = new AtomicLong();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile int closeCode = -1;

    static CompletableFuture<LoadClient> connect(HttpClient http, URI uri) {
        LoadClient client = new LoadClient();
        return http.newWebSocketBuilder().buildAsync(uri, client)
                .thenCompose(socket -> client.acknowledged.thenApply(at -> client));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long received = System.nanoTime();
        if (!last) {
            partial.append(data);
            return null;
        }
        String text = partial.isEmpty() ? data.toString() : partial.append(data).toString();
        partial.setLength(0);
        if (text.startsWith("{\"type\":\"new_hand\"")) {
            String handId = field(text, "\"hand_id\":\"");
            if (hands.putIfAbsent(handId, received) != null) {
                duplicates.incrementAndGet();
            }
            handCost.put(handId, System.nanoTime() - received);
        } else if (text.startsWith("{\"type\":\"heartbeat\"")) {
            heartbeats.putIfAbsent(field(text, "\"timestamp\":\""), received);
        } else if (text.startsWith("{\"type\":\"connection_ack\"")) {
            acknowledged.complete(received);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        acknowledged.completeExceptionally(error);
    }

    /** Nanoseconds from starting to connect until the acknowledgement arrived. */
    long connectNanos() {
        return acknowledged.join() - startedNanos;
    }

    Map<String, Long> heartbeats() {
        return heartbeats;
    }

    Map<String, Long> hands() {
        return hands;
    }

    /** Nanoseconds this client spent handling the message of a hand (parse and record). */
    long handCost(String handId) {
        return handCost.getOrDefault(handId, 0L);
    }

    long duplicates() {
        return duplicates.get();
    }

    int closeCode() {
        return closeCode;
    }

    void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private static String field(String json, String key) {
        int start = json.indexOf(key) + key.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
