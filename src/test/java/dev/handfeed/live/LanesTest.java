package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.Heartbeat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two real lanes with their workers; which of them have clients is set by each test. */
class LanesTest {

    /** "lane:message@thread" for every send, in the order they happened. */
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> new Thread(r, "lane-worker"));

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private static Encoded message(String text) {
        return new Encoded(new Heartbeat(Instant.EPOCH), text, 0);
    }

    private List<FanOutLane> lanes() {
        List<FanOutLane> lanes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            int index = i;
            FanOutLane lane = new FanOutLane(i, 100,
                    m -> sent.add(index + ":" + m.json() + "@" + Thread.currentThread().getName()));
            lane.worker(workers.submit(lane::drain));
            lanes.add(lane);
        }
        lanes.forEach(lane -> await().atMost(10, TimeUnit.SECONDS).until(lane::isRunning));
        return lanes;
    }

    @Test
    void aLoneClientIsServedOnThePublishersThreadWhicheverLaneItIsIn() throws InterruptedException {
        List<FanOutLane> all = lanes();
        Lanes lanes = new Lanes(all, Set.of(1)::contains);
        lanes.publish(message("hand"));
        assertEquals(List.of("1:hand@" + Thread.currentThread().getName()), sent);
        assertFalse(all.get(0).isBusy(), "the lane without clients was not queued to");
        assertEquals(0, all.get(0).size());
    }

    @Test
    void everyLaneWithClientsGetsTheEventTheFirstOnThePublishersThread() throws InterruptedException {
        Lanes lanes = new Lanes(lanes(), Set.of(0, 1)::contains);
        lanes.publish(message("hand"));
        await().atMost(10, TimeUnit.SECONDS).until(() -> sent.size() == 2);
        assertEquals(Set.of("0:hand@" + Thread.currentThread().getName(), "1:hand@lane-worker"), Set.copyOf(sent));
    }

    @Test
    void aHeartbeatIsQueuedOnlyWhereThereAreClients() {
        List<FanOutLane> all = lanes();
        Lanes lanes = new Lanes(all, Set.of(0)::contains);
        assertTrue(lanes.offer(message("beat")));
        await().atMost(10, TimeUnit.SECONDS).until(() -> sent.size() == 1);
        assertEquals(List.of("0:beat@lane-worker"), sent);
        assertFalse(all.get(1).isBusy());
    }

    @Test
    void withoutClientsNothingIsSentOrQueued() throws InterruptedException {
        List<FanOutLane> all = lanes();
        Lanes lanes = new Lanes(all, lane -> false);
        lanes.publish(message("hand"));
        assertTrue(lanes.offer(message("beat")));
        assertFalse(lanes.isBusy());
        assertEquals(0, lanes.queueSize());
        assertEquals(List.of(), sent);
    }
}
