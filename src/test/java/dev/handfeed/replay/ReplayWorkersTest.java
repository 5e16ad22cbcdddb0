package dev.handfeed.replay;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayWorkersTest {

    @Test
    void oneWorkerRunsTheStepsInTurnAndSurvivesAFailingOne() throws InterruptedException {
        ExecutorService threads = Executors.newCachedThreadPool();
        try {
            ReplayWorkers workers = new ReplayWorkers(1, threads::submit);
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
}
