package dev.handfeed.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scheduler Tyrus sessions get on Payara (IdleTimeouts puts it in; LiveFeedIT checks it is taken there and not on
 * WildFly): only the idle checks that cannot close anything are left out, everything else reaches the container's.
 */
class QuietSchedulerTest {

    /** Named as Tyrus's idle-timeout task is: {@code TyrusSession$IdleTimeoutCommand}. */
    static final class IdleTimeoutCommand implements Runnable {
        final CountDownLatch ran = new CountDownLatch(1);

        @Override
        public void run() {
            ran.countDown();
        }
    }

    private final ScheduledThreadPoolExecutor container = new ScheduledThreadPoolExecutor(1);
    private final QuietScheduler scheduler = new QuietScheduler(container);

    @AfterEach
    void stop() {
        container.shutdownNow();
    }

    @Test
    void anIdleCheckWithTheTimeoutOffIsLeftOutAndLooksDone() {
        ScheduledFuture<?> future = scheduler.schedule(new IdleTimeoutCommand(), 0, TimeUnit.MILLISECONDS);

        assertEquals(0, container.getTaskCount(), "nothing reached the container's scheduler");
        assertTrue(future.isDone());
        assertFalse(future.isCancelled());
        assertFalse(future.cancel(false), "Tyrus cancels it at the next restart: nothing to cancel");
        assertEquals(0, future.getDelay(TimeUnit.NANOSECONDS));
    }

    @Test
    void anIdleCheckWithAPositiveTimeoutIsScheduled() throws Exception {
        IdleTimeoutCommand check = new IdleTimeoutCommand();
        ScheduledFuture<?> future = scheduler.schedule(check, 20, TimeUnit.MILLISECONDS);

        future.get(10, TimeUnit.SECONDS);
        assertEquals(0, check.ran.getCount(), "the container ran it");
        assertEquals(1, container.getTaskCount());
    }

    @Test
    void anyOtherTaskIsScheduledEvenWithoutDelay() throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(2);
        scheduler.schedule(ran::countDown, 0, TimeUnit.MILLISECONDS);
        scheduler.execute(ran::countDown);

        assertTrue(ran.await(10, TimeUnit.SECONDS), "both reached the container's scheduler");
        assertEquals(2, container.getTaskCount());
    }

    @Test
    void repeatingTasksAreTheContainers() throws InterruptedException {
        CountDownLatch ticks = new CountDownLatch(3);
        ScheduledFuture<?> beat = scheduler.scheduleAtFixedRate(ticks::countDown, 0, 5, TimeUnit.MILLISECONDS);

        assertTrue(ticks.await(10, TimeUnit.SECONDS), "it repeated");
        assertTrue(beat.cancel(false));
        assertTrue(beat.isCancelled());
    }
}
