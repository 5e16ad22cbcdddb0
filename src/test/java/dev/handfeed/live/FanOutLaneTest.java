package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.Heartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FanOutLaneTest {

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> threads = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "lane-worker"));

    @AfterEach
    void stop() {
        worker.shutdownNow();
    }

    private static Encoded message(String text) {
        return new Encoded(new Heartbeat(Instant.EPOCH), text, 0);
    }

    private FanOutLane lane(CountDownLatch gate) {
        FanOutLane lane = new FanOutLane(0, 100, m -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sent.add(m.json());
            threads.add(Thread.currentThread().getName());
        });
        lane.worker(worker.submit(lane::drain));
        await().atMost(10, TimeUnit.SECONDS).until(lane::isRunning);
        return lane;
    }

    @Test
    void anIdleLaneIsServedOnTheCallersThread() {
        FanOutLane lane = lane(new CountDownLatch(0));
        assertTrue(lane.tryClaim());
        lane.sendClaimed(message("a"));
        assertEquals(List.of("a"), sent);
        assertEquals(List.of(Thread.currentThread().getName()), threads);
    }

    @Test
    void aBusyLaneIsQueuedToAndKeepsItsOrder() throws InterruptedException {
        CountDownLatch gate = new CountDownLatch(1);
        FanOutLane lane = lane(gate);
        lane.put(message("a")); // the worker takes it and waits at the gate
        assertFalse(lane.tryClaim(), "a message is being sent");
        lane.put(message("b"));
        assertFalse(lane.tryClaim(), "messages are queued");
        gate.countDown();
        await().atMost(10, TimeUnit.SECONDS).until(() -> sent.size() == 2);
        assertEquals(List.of("a", "b"), sent);
        await().pollInSameThread().atMost(10, TimeUnit.SECONDS).until(lane::tryClaim); // idle again: claimed here
        lane.sendClaimed(message("c"));
        assertEquals(List.of("a", "b", "c"), sent);
    }

    @Test
    void whatIsQueuedDuringAClaimFollowsTheClaimedMessage() {
        FanOutLane lane = lane(new CountDownLatch(0));
        assertTrue(lane.tryClaim());
        assertTrue(lane.offer(message("after"))); // a heartbeat from a timer, while the claim holds the lane
        lane.sendClaimed(message("claimed"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> sent.size() == 2);
        assertEquals(List.of("claimed", "after"), sent);
        assertEquals("lane-worker", threads.get(1));
    }

    @Test
    void aLaneWithoutItsWorkerIsNeverClaimed() {
        FanOutLane lane = new FanOutLane(0, 10, m -> sent.add(m.json()));
        assertFalse(lane.tryClaim());
    }
}
