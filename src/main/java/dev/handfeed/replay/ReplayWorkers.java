package dev.handfeed.replay;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The few threads that run every replay, a window of events at a time, in turn. Two hundred clients reconnecting
 * at once would otherwise get two hundred threads competing with the broadcast lanes for the cores, and the
 * clients that stayed connected would wait: here a storm of resumes takes its turn beside the live feed and
 * each replay goes at the pace of its place in the queue and of its client's pongs.
 */
final class ReplayWorkers implements Executor {

    private static final Logger LOG = Logger.getLogger(ReplayWorkers.class.getName());

    private final BlockingQueue<Runnable> steps = new LinkedBlockingQueue<>();
    private final List<Future<?>> workers;

    /** Starts {@code count} workers with {@code start} (the container's executor, for managed threads). */
    ReplayWorkers(int count, Function<Runnable, Future<?>> start) {
        workers = IntStream.range(0, count).<Future<?>>mapToObj(i -> start.apply(this::work)).toList();
    }

    /** Queues a replay step (its first, or the next after its client's pong). */
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

    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Runnable step = steps.take();
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
