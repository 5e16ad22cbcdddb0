package dev.handfeed.live;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scheduler a Tyrus session of ours uses instead of the container's (see {@link IdleTimeouts}): it passes every
 * task on to the container's, except the idle-timeout check Tyrus schedules with no delay when the idle timeout is
 * off. That check closes a session only while its idle timeout is positive, and a session whose timeout becomes
 * positive schedules a new one with that delay, so leaving it out changes nothing but the cost.
 */
final class QuietScheduler implements ScheduledExecutorService {

    /** Tyrus's idle-timeout task ({@code TyrusSession$IdleTimeoutCommand}), told by its class's name. */
    static final String IDLE_CHECK = "$IdleTimeoutCommand";

    /** What an idle check left out returns: done, nothing to cancel. */
    private record Skipped() implements ScheduledFuture<Object> {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }

    private static final Skipped SKIPPED = new Skipped();

    private final ScheduledExecutorService container;

    QuietScheduler(ScheduledExecutorService container) {
        this.container = container;
    }

    /** The container's scheduler that this one passes tasks on to. */
    ScheduledExecutorService container() {
        return container;
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        if (delay <= 0 && command.getClass().getName().endsWith(IDLE_CHECK)) {
            return SKIPPED;
        }
        return container.schedule(command, delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return container.schedule(callable, delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return container.scheduleAtFixedRate(command, initialDelay, period, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return container.scheduleWithFixedDelay(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        container.execute(command);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return container.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return container.submit(task, result);
    }

    @Override
    public Future<?> submit(Runnable task) {
        return container.submit(task);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
        return container.invokeAll(tasks);
    }

    @Override
    public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        return container.invokeAll(tasks, timeout, unit);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks) throws InterruptedException, ExecutionException {
        return container.invokeAny(tasks);
    }

    @Override
    public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        return container.invokeAny(tasks, timeout, unit);
    }

    @Override
    public void shutdown() {
        container.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return container.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return container.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return container.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return container.awaitTermination(timeout, unit);
    }
}
