package dev.handfeed.live;

import dev.handfeed.live.HostileFrames.Hostile;
import dev.handfeed.testing.FeedClient;
import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of hostile frames against the real server, each followed by a sentinel frame whose error marks where
 * its answers end: every frame must get an answer (a message, or a close with a status code), the other clients
 * must go on being served, and the heap and the log must stay small.
 */
@ExtendWith(SecuredServerExtension.class)
class HostileFramesIT {

    private static final int FRAMES = 3_000;
    private static final int WORKERS = 6;
    /** Frame and sentinel: 2 × 18 stays inside the burst of 40, so no frame is refused for its rate. */
    private static final int PER_CONNECTION = 18;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final SecuredServer server;

    HostileFramesIT(SecuredServer server) {
        this.server = server;
    }

    @Test
    void everyFrameIsAnsweredAndTheServerKeepsServing() throws Exception {
        server.awaitNoConnections();
        long heapBefore = heapAfterGc();
        long logBefore = Files.size(server.log());
        List<Hostile> frames = new HostileFrames(20261201L).generate(FRAMES);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        try (FeedClient bystander = server.connect("bystander")) {
            bystander.next("connection_ack", WAIT);
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < WORKERS; w++) {
                    List<Hostile> share = new ArrayList<>();
                    for (int i = w; i < frames.size(); i += WORKERS) {
                        share.add(frames.get(i));
                    }
                    work.add(pool.submit(() -> { send(share, outcomes); return null; }));
                }
                for (Future<?> done : work) {
                    done.get(10, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            bystander.send("{\"type\":\"ping\"}");
            bystander.next("pong", WAIT);
            bystander.next("heartbeat", WAIT);
        }
        assertEquals(frames.size(), outcomes.values().stream().mapToInt(Integer::intValue).sum());
        String newLog = tail(server.log(), logBefore);
        long heapAfter = heapAfterGc();
        System.out.printf("%d hostile frames answered: %s%nlog grew by %d bytes (%d lines); heap after GC %d -> %d MB%n",
                frames.size(), new TreeMap<>(outcomes), newLog.length(), newLog.lines().count(),
                heapBefore >> 20, heapAfter >> 20);
        assertTrue(newLog.lines().noneMatch(line -> line.startsWith("\tat ")), "no stack trace in the log:\n" + newLog);
        assertTrue(newLog.length() < 64 * 1024, "the log grew by " + newLog.length() + " bytes");
        assertTrue(heapAfter - heapBefore < 32L << 20, "heap after GC grew from " + heapBefore + " to " + heapAfter);
    }

    /** One worker: its frames in order, each on a live connection, a new one when the server closed the last. */
    private void send(List<Hostile> share, Map<String, Integer> outcomes) throws IOException {
        RawWebSocket socket = null;
        int onThisConnection = 0;
        int sentinel = 0;
        for (Hostile frame : share) {
            if (socket == null || onThisConnection == PER_CONNECTION) {
                if (socket != null) {
                    socket.close();
                }
                socket = open();
                onThisConnection = 0;
            }
            onThisConnection++;
            socket.sendFrame(frame.firstByte(), frame.payload());
            String mark = "sentinel-" + Thread.currentThread().getId() + "-" + sentinel++;
            String outcome = answer(socket, mark, frame);
            outcomes.merge(outcome, 1, Integer::sum);
            if (outcome.startsWith("close")) {
                socket.close();
                socket = null;
            }
        }
        if (socket != null) {
            socket.close();
        }
    }

    /** What the server answered to {@code frame}: the messages before the sentinel's error, or a close. */
    private static String answer(RawWebSocket socket, String mark, Hostile frame) throws IOException {
        boolean sentinelSent = false;
        List<String> answers = new ArrayList<>();
        while (true) {
            RawWebSocket.Frame received = socket.readFrame();
            if (received == null) {
                throw new AssertionError("connection dropped without a close frame after " + describe(frame));
            }
            if (received.opcode() == 8) {
                return "close " + received.closeCode();
            }
            if (!sentinelSent) {
                // The frame had its answer (or the server is about to close): now mark where its answers end.
                socket.sendText("{\"type\":\"" + mark + "\"}");
                sentinelSent = true;
            }
            String type = received.opcode() == 10 ? "pong frame" : type(received.text());
            if (type.equals("heartbeat")) {
                continue;
            }
            if (type.equals("error") && received.text().contains(mark)) {
                if (answers.isEmpty()) {
                    throw new AssertionError("no answer to " + describe(frame));
                }
                return answers.get(0);
            }
            answers.add(type);
        }
    }

    private RawWebSocket open() throws IOException {
        RawWebSocket socket = RawWebSocket.open(server.base(), "/ws?client_name=fuzz", null,
                SecuredServer.bearer(server.token("fuzz", 600)), 1 << 16);
        assertEquals("connection_ack", type(socket.readFrame().text()));
        return socket;
    }

    private static String type(String json) {
        try {
            JsonObject message = Json.createReader(new StringReader(json)).readObject();
            return message.getString("type");
        } catch (RuntimeException e) {
            return "unreadable: " + json;
        }
    }

    private static String describe(Hostile frame) {
        String shown = new String(frame.payload(), 0, Math.min(60, frame.payload().length), StandardCharsets.UTF_8);
        return frame.kind() + " (0x" + Integer.toHexString(frame.firstByte()) + ", " + frame.payload().length
                + " bytes: " + shown + ")";
    }

    /** Heap in use right after a full collection in the server, through the JDK's jcmd. */
    private long heapAfterGc() throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), String.valueOf(server.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(gc.waitFor(60, TimeUnit.SECONDS), "jcmd GC.run");
        return server.stats().getJsonNumber("heap_used_bytes").longValue();
    }

    private static String tail(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }
}
