package dev.handfeed.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

    private LoadTool(Map<String, String> options) {
        this.options = options;
        this.base = URI.create(option("url", "http://127.0.0.1:8000/"));
        this.clients = Integer.parseInt(option("clients", "100"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !(args[0].equals("spread") || args[0].equals("latency"))) {
            System.err.println("usage: LoadTool spread|latency [--url http://127.0.0.1:8000/] [--clients N]"
                    + " [--stalled 0] [--beats 10] [--pid P] [--history DIR --hands 300 --rate 20]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        LoadTool tool = new LoadTool(options);
        print("load tool: %s %s, %d cores, %s", args[0], options, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getVmVersion());
        if (args[0].equals("spread")) {
            tool.spread();
        } else {
            tool.latency();
        }
    }

    private String option(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    /** The clients, on {@code --threads} selector threads (default 1: on a small machine the server needs the rest). */
    private Fleets connect(int hands, String handPrefix) throws Exception {
        long start = System.nanoTime();
        Fleets fleet = new Fleets(base, clients, Integer.parseInt(option("threads", "1")), hands, handPrefix);
        long failed = fleet.awaitOpen(600);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] times = fleet.peers().stream().filter(p -> p.open).mapToLong(Peer::connectNanos).toArray();
        print("connected %d clients (%d failed) in %.2f s, %.0f/s; connect-to-ack: %s", times.length, failed,
                seconds, times.length / seconds, Distribution.of(times, times.length));
        return fleet;
    }

    private void spread() throws Exception {
        ServerProbe probe = new ServerProbe(base, Optional.ofNullable(options.get("pid")).map(Long::valueOf));
        Optional<Long> heapBefore = probe.liveHeapBytes();
        Fleets fleet = connect(0, "-");
        TimeUnit.SECONDS.sleep(2);
        Optional<Long> heapAfter = probe.liveHeapBytes();
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            long perClient = (heapAfter.get() - heapBefore.get()) / Math.max(1, clients);
            print("server heap after full GC: %d MB before, %d MB with %d clients: %.1f KB per connection (pid %d)",
                    heapBefore.get() >> 20, heapAfter.get() >> 20, clients, perClient / 1024.0,
                    probe.pid().orElseThrow());
        } else {
            print("server heap: not measured (no local Payara Micro process found; pass --pid)");
        }
        int beats = Integer.parseInt(option("beats", "10"));
        long interval = probe.stat("heartbeat_interval");
        long cpuBefore = fleet.cpuNanos();
        long messagesBefore = messages(fleet);
        try (StalledPeers stalled = new StalledPeers(base, Integer.parseInt(option("stalled", "0")))) {
            long mark = System.nanoTime();
            TimeUnit.SECONDS.sleep((beats + 1) * interval + 1);
            long cpu = fleet.cpuNanos() - cpuBefore;
            long received = messages(fleet) - messagesBefore;
            print("active_connections %d, slow_client_disconnects %d, dead_peer_disconnects %d",
                    probe.stat("active_connections"), probe.stat("slow_client_disconnects"),
                    probe.stat("dead_peer_disconnects"));
            fleet.close();
            heartbeatSpread(fleet.peers(), mark);
            print("load tool's own cost: %.2f us of CPU per message received (%d messages)",
                    cpu / 1000.0 / Math.max(1, received), received);
        }
    }

    private static long messages(Fleets fleet) {
        return fleet.peers().stream().mapToLong(p -> p.messages).sum();
    }

    private void heartbeatSpread(List<Peer> peers, long mark) {
        Map<String, List<Long>> receipts = new HashMap<>();
        for (Peer peer : peers) {
            peer.heartbeats.forEach((stamp, at) -> receipts.computeIfAbsent(stamp, s -> new ArrayList<>()).add(at));
        }
        long[] spreads = new long[peers.size() * Math.max(1, receipts.size())];
        long[] widths = new long[receipts.size()];
        int n = 0;
        int beats = 0;
        long missing = 0;
        for (List<Long> at : receipts.values()) {
            long first = at.stream().mapToLong(Long::longValue).min().orElseThrow();
            if (first < mark || at.size() < peers.size() / 2) {
                continue; // before the measurement, or the last one, cut off by its end
            }
            long last = first;
            for (long t : at) {
                spreads[n++] = t - first;
                last = Math.max(last, t);
            }
            widths[beats++] = last - first;
            missing += peers.size() - at.size();
        }
        print("heartbeat spread over %d clients x %d heartbeats (from each heartbeat's first receipt): %s",
                peers.size(), beats, Distribution.of(spreads, n));
        print("per heartbeat, first-to-last receipt: %s; missing receipts: %d", Distribution.of(widths, beats),
                missing);
    }

    private void latency() throws Exception {
        Path history = Path.of(Optional.ofNullable(options.get("history")).orElseThrow(() ->
                new IllegalArgumentException("--history DIR (the folder the server watches) is required")));
        int hands = Integer.parseInt(option("hands", "300"));
        double rate = Double.parseDouble(option("rate", "20"));
        HandWriter writer = new HandWriter(history);
        Fleets fleet = connect(hands, writer.handPrefix());
        long[] written;
        long cpu;
        try (StalledPeers stalled = new StalledPeers(base, Integer.parseInt(option("stalled", "0")))) {
            TimeUnit.SECONDS.sleep(1);
            long cpuBefore = fleet.cpuNanos();
            written = writer.write(hands, rate);
            long expected = (long) hands * clients;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && fleet.handsReceived() < expected) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            cpu = fleet.cpuNanos() - cpuBefore;
        }
        fleet.close();
        report(fleet.peers(), written, rate, cpu);
    }

    private void report(List<Peer> peers, long[] written, double rate, long toolCpuNanos) {
        int h = written.length;
        long[] first = new long[h];
        long[] last = new long[h];
        long[] all = new long[h * peers.size()];
        int hands = 0;
        int pairs = 0;
        for (int i = 0; i < h; i++) {
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (Peer peer : peers) {
                long at = peer.hands[i];
                if (at != 0) {
                    long latency = at - written[i];
                    all[pairs++] = latency;
                    min = Math.min(min, latency);
                    max = Math.max(max, latency);
                }
            }
            if (min != Long.MAX_VALUE) {
                first[hands] = min;
                last[hands] = max;
                hands++;
            }
        }
        long duplicates = peers.stream().mapToLong(p -> p.duplicates).sum();
        long messages = Math.max(1, peers.stream().mapToLong(p -> p.messages).sum());
        double perMessageUs = toolCpuNanos / 1000.0 / messages;
        print("%d hands at %.0f/s to %d clients: delivered %d/%d, duplicates %d", h, rate, peers.size(), pairs,
                (long) h * peers.size(), duplicates);
        print("first client (the server's own delay): %s", Distribution.of(first, hands));
        print("last client:                           %s", Distribution.of(last, hands));
        print("all clients:                           %s", Distribution.of(all, pairs));
        print("load tool's own receive cost: %.2f us of CPU per message, so %.2f ms per hand for %d clients",
                perMessageUs, perMessageUs * peers.size() / 1000.0, peers.size());
    }

    private static void print(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
