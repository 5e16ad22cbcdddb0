package dev.handfeed.replay;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The few threads that run every replay, a window of events at a time, in turn. Two hundred clients reconnecting
 * at once would otherwise get two hundred threads competing with the broadcast lanes for the cores, and the
 * clients that stayed connected would wait: here a storm of resumes takes its turn beside the live feed and
 * each replay goes at the pace of its place in the queue and of its client's pongs.
 * <p>
 * The live feed goes first: before each turn a worker waits while a broadcast is queued or being sent (up to
 * {@link #MAX_YIELD}, so that a feed busy without pause cannot stop the replays), since the connected
 * clients should not pay for the reconnecting ones. And the replays together send at most {@code maxRate} events
 * a second, a turn at a time: a storm of resumes would otherwise take every cycle the two of them (server and
 * clients) can find, and live messages would queue behind replayed ones in the clients' own reading. The pacing
 * applies while several replays run: a replay alone is paced by its own client's reading only.
 */
final class ReplayWorkers implements Executor {

    private static final Logger LOG = Logger.getLogger(ReplayWorkers.class.getName());

    /** How long a turn waits for a busy live feed at most: long enough for a broadcast to thousands. */
    static final Duration MAX_YIELD = Duration.ofMillis(50);
    private static final long CHECK_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final AtomicInteger running = new AtomicInteger();
    private final BooleanSupplier liveBusy;
    private final long maxYieldNanos;
    private final long turnNanos;
    private final List<Future<?>> workers;

    /**
     * Starts {@code count} workers with {@code start} (the container's executor, for managed threads);
     * {@code liveBusy} says whether a live broadcast is under way; a turn waits for it at most {@code maxYield};
     * all workers together start at most {@code maxRate} / {@link Replay#TURN} turns a second.
     */
    ReplayWorkers(int count, BooleanSupplier liveBusy, Duration maxYield, int maxRate,
                  Function<Runnable, Future<?>> start) {
        this.liveBusy = liveBusy;
        this.maxYieldNanos = maxYield.toNanos();
        this.turnNanos = TimeUnit.SECONDS.toNanos(1) * Replay.TURN * count / maxRate;
        workers = IntStream.range(0, count).<Future<?>>mapToObj(i -> start.apply(this::work)).toList();
    }

    /** Starts a replay: queues its first step, and counts it as running until it calls {@link #ended()}. */
    void start(Runnable replay) {
        running.incrementAndGet();
        execute(replay);
    }

    /** A replay started here has ended, however it ended. */
    void ended() {
        running.decrementAndGet();
    }

    /** Queues a replay's next step (after its turn, or after its client's pong). */
    @Override
    public void execute(Runnable step) {
        steps.add(step);
    }

    int waiting() {
        return steps.size();
    }

    void stop() {
        workers.forEach(worker -> worker.cancel(true));
    }

    private void yieldToLive() {
        long until = System.nanoTime() + maxYieldNanos;
        while (liveBusy.getAsBoolean() && System.nanoTime() - until < 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(CHECK_NANOS);
        }
    }

    private static void waitUntil(long deadline) {
        long left;
        while ((left = deadline - System.nanoTime()) > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(left);
        }
    }

    private void work() {
        long nextTurn = System.nanoTime();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Runnable step = steps.take();
                if (running.get() <= 1) {
                    // A replay running alone goes at its client's pace (its window): the pacing shares the cores
                    // among many replays, and one alone cannot crowd the live feed, which goes first anyway.
                    nextTurn = System.nanoTime();
                } else {
                    waitUntil(nextTurn);
                }
                yieldToLive();
                nextTurn = Math.max(nextTurn, System.nanoTime() - turnNanos) + turnNanos;
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "A replay step failed; the other replays go on", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
