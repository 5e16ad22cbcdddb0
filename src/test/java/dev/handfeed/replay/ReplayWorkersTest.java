package dev.handfeed.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayWorkersTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void oneWorkerRunsTheStepsInTurnAndSurvivesAFailingOne() throws InterruptedException {
        ReplayWorkers workers = new ReplayWorkers(1, () -> false, Duration.ZERO, 1_000_000, threads::submit);
        List<String> ran = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        workers.execute(() -> ran.add("a1"));
        workers.execute(() -> {
            throw new IllegalStateException("a replay step that fails");
        });
        workers.execute(() -> ran.add("b1"));
        workers.execute(() -> {
            ran.add("a2");
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(List.of("a1", "b1", "a2"), ran);
        workers.stop();
    }

    @Test
    void aStepWaitsWhileTheLiveFeedIsBusyAndRunsWhenItIsIdle() throws InterruptedException {
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger checks = new AtomicInteger();
        ReplayWorkers workers = new ReplayWorkers(1, () -> {
            checks.incrementAndGet();
            return busy.get();
        }, Duration.ofMinutes(5), 1_000_000, threads::submit);
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(ran::countDown);
        await().atMost(10, TimeUnit.SECONDS).until(() -> checks.get() >= 3); // it asked, and waited
        assertEquals(1, ran.getCount(), "ran while the live feed was busy");
        busy.set(false);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        workers.stop();
    }

    @Test
    void aFeedThatIsNeverIdleDelaysAStepOnlyForAWhile() throws InterruptedException {
        ReplayWorkers workers = new ReplayWorkers(1, () -> true, Duration.ofMillis(50), 1_000_000, threads::submit);
        CountDownLatch ran = new CountDownLatch(1);
        workers.execute(ran::countDown);
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        workers.stop();
    }

    /** A step that queues itself again until it has run {@code turns} times, like a replay's turns. */
    private static Runnable turns(ReplayWorkers workers, int turns, CountDownLatch done) {
        AtomicInteger left = new AtomicInteger(turns);
        return new Runnable() {
            @Override
            public void run() {
                if (left.decrementAndGet() > 0) {
                    workers.execute(this);
                } else {
                    workers.ended();
                    done.countDown();
                }
            }
        };
    }

    @Test
    void aReplayRunningAloneIsNotPaced() throws InterruptedException {
        // 100 events a second: one turn of 100 a second, so 50 paced turns would take 50 s.
        ReplayWorkers workers = new ReplayWorkers(1, () -> false, Duration.ZERO, 100, threads::submit);
        CountDownLatch done = new CountDownLatch(1);
        workers.start(turns(workers, 50, done));
        assertTrue(done.await(20, TimeUnit.SECONDS), "a lone replay waited for the pacing");
        workers.stop();
    }

    @Test
    void replaysSharingTheWorkersArePaced() throws InterruptedException {
        // 2 000 events a second: a turn of 100 every 50 ms. The worker starts once both replays are registered:
        // had it started at once, a busy machine could let the first replay run all its turns alone, unpaced,
        // before the test thread registered the second.
        CountDownLatch bothStarted = new CountDownLatch(1);
        ReplayWorkers workers = new ReplayWorkers(1, () -> false, Duration.ZERO, 2_000, work -> threads.submit(() -> {
            bothStarted.await();
            work.run();
            return null;
        }));
        CountDownLatch done = new CountDownLatch(2);
        long start = System.nanoTime();
        workers.start(turns(workers, 5, done));
        workers.start(turns(workers, 5, done));
        bothStarted.countDown();
        assertTrue(done.await(60, TimeUnit.SECONDS));
        long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Ten turns, at least eight of them while the other replay runs: at least 7 gaps of 50 ms.
        assertTrue(elapsed >= 350, "ten turns of two replays took only " + elapsed + " ms");
        workers.stop();
    }
}
