package dev.handfeed.load;

import dev.handfeed.wire.JsonText;
import jakarta.json.JsonObject;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;

/** One of {@link ReplayBench}'s clients: the hands it got and when, when it was acknowledged, when its replay completed. */
final class ReplayListener implements WebSocket.Listener {

    record Received(String handId, long at) {
    }

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final CompletableFuture<Long> complete = new CompletableFuture<>();
    final CompletableFuture<Void> acked = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    long count(String prefix) {
        return received.stream().filter(r -> r.handId().startsWith(prefix)).count();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            long now = System.nanoTime();
            JsonObject message = JsonText.object(partial.toString());
            partial.setLength(0);
            switch (message.getString("type")) {
                case "new_hand" -> received.add(new Received(message.getString("hand_id"), now));
                case "replay_complete" -> complete.complete(now);
                case "connection_ack" -> acked.complete(null);
                default -> { }
            }
        }
        webSocket.request(1);
        return null;
    }
}
