package dev.handfeed.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code spread}: connects N clients, reports connect time, server heap per connection and how one heartbeat's
 * arrival spreads across them. {@code latency}: with N clients connected, appends hands to a watched file at a fixed
 * rate and reports write-to-receipt latency for the first and the last client of every hand.
 * See docs/benchmarks.md for the commands.
 */
public final class LoadTool {

    private final Map<String, String> options;
    private final URI base;
    private final int clients;
    private final ExecutorService receivers;
    private final HttpClient http;

    private LoadTool(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(option("url", "http://127.0.0.1:8000/"));
        this.clients = Integer.parseInt(option("clients", "100"));
        this.receivers = Executors.newFixedThreadPool(Integer.parseInt(option("threads", "2")));
        this.http = HttpClient.newBuilder().executor(receivers).connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("spread") || args[0].equals("latency"))) {
            System.err.println("usage: LoadTool spread|latency [--url http://127.0.0.1:8000/] [--clients N]"
                    + " [--threads 2] [--stalled 0] [--beats 10] [--pid P] [--history DIR --hands 300 --rate 20]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadTool tool = new LoadTool(options);
        try {
            if (args[0].equals("spread")) {
                tool.spread();
            } else {
                tool.latency();
            }
        } finally {
            tool.receivers.shutdownNow();
        }
        System.exit(0);
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    private void spread() throws Exception {
        ServerProbe probe = new ServerProbe(base, Optional.ofNullable(options.get("pid")).map(Long::valueOf));
        Optional<Long> heapBefore = probe.liveHeapBytes();
        List<LoadClient> connected = connectAll();
        TimeUnit.SECONDS.sleep(2);
        Optional<Long> heapAfter = probe.liveHeapBytes();
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            long perClient = (heapAfter.get() - heapBefore.get()) / Math.max(1, connected.size());
            print("server heap: %d MB before, %d MB with %d clients, %.1f KB per connection (pid %d)",
                    heapBefore.get() >> 20, heapAfter.get() >> 20, connected.size(), perClient / 1024.0,
                    probe.pid().orElseThrow());
        } else {
            print("server heap: not measured (no local Payara Micro process found; pass --pid)");
        }
        int beats = Integer.parseInt(option("beats", "10"));
        long interval = probe.stat("heartbeat_interval");
        try (StalledPeers stalled = new StalledPeers(base, Integer.parseInt(option("stalled", "0")))) {
            long mark = System.nanoTime();
            TimeUnit.SECONDS.sleep((beats + 1) * interval + 1);
            heartbeatSpread(connected, mark);
        }
        print("active_connections %d, slow_client_disconnects %d", probe.stat("active_connections"),
                probe.stat("slow_client_disconnects"));
        connected.forEach(LoadClient::close);
    }

    private void heartbeatSpread(List<LoadClient> connected, long mark) {
        Map<String, List<Long>> receipts = new HashMap<>();
        for (LoadClient client : connected) {
            client.heartbeats().forEach((stamp, at) -> receipts.computeIfAbsent(stamp, s -> new ArrayList<>()).add(at));
        }
        long[] spreads = new long[connected.size() * Math.max(1, receipts.size())];
        long[] widths = new long[receipts.size()];
        int n = 0;
        int beats = 0;
        long missing = 0;
        for (List<Long> at : receipts.values()) {
            long first = at.stream().mapToLong(Long::longValue).min().orElseThrow();
            if (first < mark) {
                continue;
            }
            long last = first;
            for (long t : at) {
                spreads[n++] = t - first;
                last = Math.max(last, t);
            }
            widths[beats++] = last - first;
            missing += connected.size() - at.size();
        }
        print("heartbeat spread over %d clients x %d heartbeats (from each heartbeat's first receipt): %s",
                connected.size(), beats, Distribution.of(spreads, n));
        print("per heartbeat, first-to-last receipt: %s; missing receipts: %d", Distribution.of(widths, beats), missing);
    }

    private void latency() throws Exception {
        Path history = Path.of(options.computeIfAbsent("history", k -> {
            throw new IllegalArgumentException("--history DIR (the folder the server watches) is required");
        }));
        int hands = Integer.parseInt(option("hands", "300"));
        double rate = Double.parseDouble(option("rate", "20"));
        List<LoadClient> connected = connectAll();
        try (StalledPeers stalled = new StalledPeers(base, Integer.parseInt(option("stalled", "0")))) {
            TimeUnit.SECONDS.sleep(1);
            HandWriter writer = new HandWriter(history);
            Map<String, Long> written = writer.write(hands, rate);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && !allReceived(connected, written.size())) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            report(connected, written, rate);
        }
        connected.forEach(LoadClient::close);
    }

    private static boolean allReceived(List<LoadClient> connected, int hands) {
        return connected.stream().allMatch(c -> c.hands().size() >= hands);
    }

    private void report(List<LoadClient> connected, Map<String, Long> written, double rate) {
        int h = written.size();
        long[] first = new long[h];
        long[] last = new long[h];
        long[] cost = new long[h];
        long[] all = new long[h * connected.size()];
        int hands = 0;
        int pairs = 0;
        for (Map.Entry<String, Long> hand : written.entrySet()) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            long spent = 0;
            for (LoadClient client : connected) {
                Long at = client.hands().get(hand.getKey());
                if (at != null) {
                    long latency = at - hand.getValue();
                    all[pairs++] = latency;
                    min = Math.min(min, latency);
                    max = Math.max(max, latency);
                    spent += client.handCost(hand.getKey());
                }
            }
            if (min != Long.MAX_VALUE) {
                first[hands] = min;
                last[hands] = max;
                cost[hands] = spent;
                hands++;
            }
        }
        long duplicates = connected.stream().mapToLong(LoadClient::duplicates).sum();
        print("%d hands at %.0f/s to %d clients: delivered %d/%d, duplicates %d", h, rate, connected.size(), pairs,
                (long) h * connected.size(), duplicates);
        print("first client (server's own delay): %s", Distribution.of(first, hands));
        print("last client:                       %s", Distribution.of(last, hands));
        print("all clients:                       %s", Distribution.of(all, pairs));
        print("load tool's own receive cost per hand (sum over its clients): %s", Distribution.of(cost, hands));
    }

    private List<LoadClient> connectAll() throws InterruptedException {
        URI uri = URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/ws?client_name=load");
        Semaphore inFlight = new Semaphore(200);
        List<CompletableFuture<LoadClient>> opening = new ArrayList<>(clients);
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            inFlight.acquire();
            opening.add(LoadClient.connect(http, uri).whenComplete((c, e) -> inFlight.release()));
        }
        List<LoadClient> connected = new ArrayList<>(clients);
        int failed = 0;
        for (CompletableFuture<LoadClient> f : opening) {
            try {
                connected.add(f.get(60, TimeUnit.SECONDS));
            } catch (Exception e) {
                failed++;
            }
        }
        long total = System.nanoTime() - start;
        long[] times = connected.stream().mapToLong(LoadClient::connectNanos).toArray();
        print("connected %d clients (%d failed) in %.2f s, %.0f/s; connect-to-ack: %s", connected.size(), failed,
                total / 1e9, connected.size() / (total / 1e9), Distribution.of(times, times.length));
        return connected;
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
