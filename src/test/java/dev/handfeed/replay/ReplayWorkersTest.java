package dev.handfeed.replay;

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

    @Test
    void oneWorkerRunsTheStepsInTurnAndSurvivesAFailingOne() throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
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
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aStepWaitsWhileTheLiveFeedIsBusyAndRunsWhenItIsIdle() throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        AtomicBoolean busy = new AtomicBoolean(true);
        AtomicInteger checks = new AtomicInteger();
        try {
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
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aFeedThatIsNeverIdleDelaysAStepOnlyForAWhile() throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            ReplayWorkers workers = new ReplayWorkers(1, () -> true, Duration.ofMillis(50), 1_000_000, threads::submit);
            CountDownLatch ran = new CountDownLatch(1);
            workers.execute(ran::countDown);
            assertTrue(ran.await(10, TimeUnit.SECONDS));
            workers.stop();
        } finally {
            threads.shutdownNow();
        }
    }
}
