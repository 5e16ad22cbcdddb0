package dev.handfeed.load;

import dev.handfeed.testing.Server;
import dev.handfeed.wire.JsonText;
import jakarta.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * Replay figures for docs/benchmarks.md. {@code --resumers R --behind B}: B hands are written and journaled, then
 * R clients resume at once from before them; reports connect-to-{@code replay_complete} times and checks every
 * client got all B, {@code --rounds N} times over (the first rounds warm the client). With {@code --live L}: L connected clients measure hand latency (write to receipt) while hands
 * are written at {@code --rate} for {@code --hands}, once quietly, once with the R resumes fired in the middle.
 */
public final class ReplayBench {

    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private ReplayBench(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ReplayBench bench = new ReplayBench(URI.create(o.getOrDefault("url", "http://127.0.0.1:8000/")));
        Path history = Path.of(o.get("history"));
        int behind = Integer.parseInt(o.getOrDefault("behind", "10000"));
        int resumers = Integer.parseInt(o.getOrDefault("resumers", "1"));
        int live = Integer.parseInt(o.getOrDefault("live", "0"));
        int hands = Integer.parseInt(o.getOrDefault("hands", "200"));
        double rate = Double.parseDouble(o.getOrDefault("rate", "10"));
        long from = bench.lastEventId();
        long table = System.currentTimeMillis() / 1000;
        HandWriter backlog = new HandWriter(history, "Backlog", table);
        backlog.write(behind, 2_000);
        bench.awaitJournaled(from + behind);
        System.out.printf("journaled %d hands behind event %d%n", behind, from);
        if (live == 0) {
            // Each round resumes from the same point; the first rounds also warm the client's own JIT and parser,
            // which a long-running client (an overlay, a HUD) has long done.
            int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
            for (int round = 0; round < rounds; round++) {
                bench.resumeStorm(resumers, from, behind).join();
            }
            return;
        }
        List<Listener> listeners = new ArrayList<>();
        for (int i = 0; i < live; i++) {
            listeners.add(bench.connect("live-" + i, ""));
        }
        // A client is registered when its ack leaves: hands written before that are not its to receive.
        CompletableFuture.allOf(listeners.stream().map(l -> l.acked).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        for (String phase : List.of("quiet", "storm")) {
            HandWriter writer = new HandWriter(history, phase, ++table);
            listeners.forEach(l -> l.received.clear());
            CompletableFuture<Void> storm = phase.equals("storm")
                    ? CompletableFuture.runAsync(() -> {
                        sleepMillis((long) (1_000 * hands / rate / 3)); // a third of the way in
                        bench.resumeStorm(resumers, from, behind).join();
                    }) : CompletableFuture.completedFuture(null);
            long[] written = writer.write(hands, rate);
            storm.join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (listeners.stream().anyMatch(l -> l.count(writer.handPrefix()) < hands) && System.nanoTime() < deadline) {
                sleepMillis(20);
            }
            List<Long> latencies = new ArrayList<>();
            for (Listener l : listeners) {
                for (Received r : l.received) {
                    if (r.handId().startsWith(writer.handPrefix())) {
                        latencies.add(r.at() - written[handNumber(r.handId()) - 1]);
                    }
                }
            }
            long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
            System.out.printf("live clients, %s: %s (expected %d deliveries)%n", phase,
                    Distribution.of(nanos, nanos.length), (long) hands * live);
        }
        listeners.forEach(l -> l.socket.abort());
    }

    private CompletableFuture<Void> resumeStorm(int resumers, long from, int behind) {
        long start = System.nanoTime();
        List<Listener> clients = new ArrayList<>();
        for (int i = 0; i < resumers; i++) {
            clients.add(connect("resume-" + i, "&last_event_id=" + from));
        }
        return CompletableFuture.allOf(clients.stream().map(l -> l.complete).toArray(CompletableFuture[]::new))
                .orTimeout(300, TimeUnit.SECONDS).thenRun(() -> {
                    long[] times = clients.stream().mapToLong(l -> l.complete.join() - start).toArray();
                    long short_ = clients.stream().filter(l -> l.count("") < behind).count();
                    System.out.printf("%d resumes %d events behind: connect to replay_complete %s; %d got fewer than %d%n",
                            resumers, behind, Distribution.of(times, times.length), short_, behind);
                    clients.forEach(l -> l.socket.abort());
                });
    }

    private Listener connect(String name, String query) {
        Listener listener = new Listener();
        listener.socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort()
                + "/ws?client_name=" + name + query), listener).join();
        return listener;
    }

    private long lastEventId() {
        return Server.json(http, base, "events?limit=1").getJsonNumber("last_event_id").longValue();
    }

    private void awaitJournaled(long id) {
        while (lastEventId() < id) {
            sleepMillis(100);
        }
    }

    private static int handNumber(String handId) {
        return Integer.parseInt(handId.split("-")[1]);
    }

    private static void sleepMillis(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Received(String handId, long at) {
    }

    /** One client: the hands it got, when, and when its replay completed. */
    private static final class Listener implements WebSocket.Listener {
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
}
