package dev.handfeed.live;

import dev.handfeed.wire.Encoded;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One lane of the broadcast: its own bounded queue and its own worker, sending every event to its share of the
 * clients. Each client belongs to one lane for life, so its messages keep their order; lanes work in parallel,
 * so a broadcast to thousands of clients takes a fraction of the time one thread would need.
 */
final class FanOutLane {

    private static final Logger LOG = Logger.getLogger(FanOutLane.class.getName());

    private final int index;
    private final BlockingQueue<Encoded> queue;
    private final Consumer<Encoded> send;
    private volatile Future<?> worker;
    private volatile boolean running;

    FanOutLane(int index, int capacity, Consumer<Encoded> send) {
        this.index = index;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.send = send;
    }

    boolean offer(Encoded message) {
        return queue.offer(message);
    }

    void put(Encoded message) throws InterruptedException {
        queue.put(message);
    }

    int size() {
        return queue.size();
    }

    boolean isRunning() {
        return running;
    }

    boolean needsWorker() {
        return worker == null || worker.isDone();
    }

    void worker(Future<?> future) {
        worker = future;
    }

    void cancel() {
        Future<?> current = worker;
        if (current != null) {
            current.cancel(true);
        }
    }

    /** The worker's loop: runs until interrupted. */
    void drain() {
        running = true;
        LOG.fine(() -> "Broadcast lane " + index + " started");
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Encoded message = queue.take();
                try {
                    send.accept(message);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Broadcast lane " + index + ": one event failed; continuing", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            LOG.fine(() -> "Broadcast lane " + index + " stopped");
        }
    }
}
