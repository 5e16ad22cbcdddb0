package dev.handfeed.load;

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
            String message = partial.toString();
            partial.setLength(0);
            switch (field(message, "type")) {
                case "new_hand" -> received.add(new Received(field(message, "hand_id"), now));
                case "replay_complete" -> complete.complete(now);
                case "connection_ack" -> acked.complete(null);
                default -> { }
            }
        }
        webSocket.request(1);
        return null;
    }

    /**
     * The first string field of that name: the type comes first in every message and a hand has one
     * {@code hand_id}, neither escaped. Building a JSON object of every message had been a third of the bench's
     * CPU in a storm, taken from the cores the server and the live clients share with it.
     */
    static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        if (start < 0) {
            return "";
        }
        start += key.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
