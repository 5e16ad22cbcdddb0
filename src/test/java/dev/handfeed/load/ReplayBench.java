package dev.handfeed.load;

import dev.handfeed.testing.Server;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Replay figures for docs/benchmarks.md. {@code --resumers R --behind B}: B hands are written and journaled, then
 * R clients resume at once from before them; reports connect-to-{@code replay_complete} times and checks every
 * client got all B, {@code --rounds N} times over (the first rounds warm the client). With {@code --live L}: L
 * connected clients measure hand latency (write to receipt) while hands are written at {@code --rate} for
 * {@code --hands}, once quietly, once with the R resumes (each B events behind the newest) fired a third of the way
 * in; {@code --rounds N} alternates the two N times and pools each kind's latencies.
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
        List<ReplayListener> listeners = new ArrayList<>();
        for (int i = 0; i < live; i++) {
            listeners.add(bench.connect("live-" + i, ""));
        }
        // A client is registered when its ack leaves: hands written before that are not its to receive.
        CompletableFuture.allOf(listeners.stream().map(l -> l.acked).toArray(CompletableFuture[]::new))
                .get(60, TimeUnit.SECONDS);
        // With --rounds N the phases alternate N times and each kind's latencies are also pooled: one phase's p99 moves
        // ×2–3 from run to run on this machine, with or without a storm, and the pooled figures average that out.
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
        Map<String, List<Long>> pooled = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String phase : List.of("quiet", "storm")) {
                HandWriter writer = new HandWriter(history, phase + round, ++table);
                listeners.forEach(l -> l.received.clear());
                CompletableFuture<Void> storm = phase.equals("storm")
                        ? CompletableFuture.runAsync(() -> {
                            sleepMillis((long) (1_000 * hands / rate / 3)); // a third of the way in
                            // B behind the newest event, whatever the rounds before added to the journal
                            bench.resumeStorm(resumers, bench.lastEventId() - behind, behind).join();
                        }) : CompletableFuture.completedFuture(null);
                long[] written = writer.write(hands, rate);
                storm.join();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (listeners.stream().anyMatch(l -> l.count(writer.handPrefix()) < hands) && System.nanoTime() < deadline) {
                    sleepMillis(20);
                }
                List<Long> latencies = new ArrayList<>();
                for (ReplayListener l : listeners) {
                    for (ReplayListener.Received r : l.received) {
                        if (r.handId().startsWith(writer.handPrefix())) {
                            latencies.add(r.at() - written[handNumber(r.handId()) - 1]);
                        }
                    }
                }
                long[] nanos = latencies.stream().mapToLong(Long::longValue).toArray();
                System.out.printf("live clients, %s: %s (expected %d deliveries)%n", phase,
                        Distribution.of(nanos, nanos.length), (long) hands * live);
                pooled.computeIfAbsent(phase, p -> new ArrayList<>()).addAll(latencies);
            }
        }
        if (rounds > 1) {
            Distribution quiet = pooled(pooled.get("quiet"));
            Distribution storm = pooled(pooled.get("storm"));
            System.out.printf("live clients, %d rounds pooled: quiet %s; storm %s; storm/quiet p99 ×%.2f%n", rounds,
                    quiet, storm, storm.p99Ms() / quiet.p99Ms());
        }
        listeners.forEach(l -> l.socket.abort());
    }

    private static Distribution pooled(List<Long> latencies) {
        return Distribution.of(latencies.stream().mapToLong(Long::longValue).toArray(), latencies.size());
    }

    private CompletableFuture<Void> resumeStorm(int resumers, long from, int behind) {
        long start = System.nanoTime();
        List<ReplayListener> clients = new ArrayList<>();
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

    private ReplayListener connect(String name, String query) {
        ReplayListener listener = new ReplayListener();
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
}
