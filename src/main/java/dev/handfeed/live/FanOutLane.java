package dev.handfeed.live;

import dev.handfeed.wire.Encoded;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One lane of the broadcast: its own bounded queue and its own worker, sending every event to its share of the
 * clients. Each client belongs to one lane for life, so its messages keep their order; lanes work in parallel,
 * so a broadcast to thousands of clients takes a fraction of the time one thread would need.
 * <p>
 * A producer may also {@link #tryClaim claim} an idle lane and send on its own thread: with nothing queued and
 * nothing being sent, that keeps the order and saves waking the worker, a third of a millisecond on this kind of
 * machine for the hand that comes after a quiet spell. A busy lane is always queued to.
 */
final class FanOutLane {

    private static final Logger LOG = Logger.getLogger(FanOutLane.class.getName());

    private final int index;
    private final BlockingQueue<Encoded> queue;
    private final Consumer<Encoded> send;
    private volatile Future<?> worker;
    private volatile boolean running;
    /** Held while a message is being sent to the lane's clients, by the worker or by a claiming producer. */
    private final ReentrantLock sending = new ReentrantLock();
    /** Messages queued and not yet sent: a claim needs none. */
    private final AtomicInteger pending = new AtomicInteger();

    FanOutLane(int index, int capacity, Consumer<Encoded> send) {
        this.index = index;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.send = send;
    }

    boolean offer(Encoded message) {
        pending.incrementAndGet();
        if (queue.offer(message)) {
            return true;
        }
        pending.decrementAndGet();
        return false;
    }

    void put(Encoded message) throws InterruptedException {
        pending.incrementAndGet();
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            pending.decrementAndGet();
            throw e;
        }
    }

    /**
     * Takes the lane for the caller when nothing is queued or being sent (and its worker runs, so that a claim
     * never hides a stopped lane); the caller must then {@link #sendClaimed} exactly once.
     */
    boolean tryClaim() {
        if (!running || pending.get() != 0 || !sending.tryLock()) {
            return false;
        }
        if (pending.get() != 0) { // queued to between the check and the lock: its turn comes first
            sending.unlock();
            return false;
        }
        return true;
    }

    /** Sends on the caller's thread, in the lane's order, and gives the lane back. */
    void sendClaimed(Encoded message) {
        try {
            sendOne(message);
        } finally {
            sending.unlock();
        }
    }

    boolean isBusy() {
        return pending.get() != 0 || sending.isLocked();
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

    private void sendOne(Encoded message) {
        try {
            send.accept(message);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Broadcast lane " + index + ": one event failed; continuing", e);
        }
    }

    /** The worker's loop: runs until interrupted. */
    void drain() {
        running = true;
        LOG.fine(() -> "Broadcast lane " + index + " started");
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Encoded message = queue.take();
                sending.lock();
                try {
                    sendOne(message);
                } finally {
                    pending.decrementAndGet();
                    sending.unlock();
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
