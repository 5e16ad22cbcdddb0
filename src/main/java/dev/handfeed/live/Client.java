package dev.handfeed.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * One connected client and its outbound buffer. Frames leave one at a time in the order they were queued, so a
 * ping follows the messages before it and its pong proves they were read ({@link ReadProgress}). The buffer is
 * bounded by how far behind the client may be: {@code capacity} messages not yet confirmed read.
 */
public final class Client {

    /**
     * Tyrus reschedules its idle-timeout task on the managed scheduled executor for every frame sent, and Payara
     * captures the task's context by scanning the thread's context class loader for service files: through every
     * jar of the server, about 0.1 ms a frame. With the platform loader as context loader the scan is a lookup
     * in the JDK image. The idle-timeout task needs no application class.
     */
    private static final ClassLoader SEND_CONTEXT = ClassLoader.getPlatformClassLoader();

    private final Session session;
    private final String id;
    private final String name;
    private final int lane;
    private final long capacity;
    private final LiveCounters counters;
    private final BiConsumer<Client, Disconnect> onFailure;
    private final ReadProgress progress;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile long inFlightSinceNanos;

    Client(Session session, String id, String name, int lane, int capacity, long pingPeriodNanos,
           LiveCounters counters, BiConsumer<Client, Disconnect> onFailure) {
        this.progress = new ReadProgress(pingPeriodNanos);
        this.session = session;
        this.id = id;
        this.name = name;
        this.lane = lane;
        this.capacity = capacity;
        this.counters = counters;
        this.onFailure = onFailure;
    }

    public String id() { return id; }
    public String name() { return name; }
    Session session() { return session; }
    /** The broadcast lane that sends to this client, always the same one so that its messages keep their order. */
    int lane() { return lane; }

    /** Queues a text frame; false when the client is already {@code capacity} messages behind. */
    boolean offer(String text) {
        if (!progress.tryOffer(capacity)) {
            return false;
        }
        pending.add(text);
        drain();
        return true;
    }

    /** Queues a ping behind everything queued so far. */
    void ping() {
        pending.add(new PingFrame(progress.ping(System.nanoTime())));
        drain();
    }

    /** A pong arrived; those carrying our payload confirm what the client has read. */
    void pong(ByteBuffer payload) {
        if (payload.remaining() == Long.BYTES) {
            progress.pong(payload.getLong(payload.position()));
        } else {
            progress.heard();
        }
    }

    /** Any frame from the client shows it is there. */
    void heard() {
        progress.heard();
    }

    long silentNanos(long now) {
        return progress.silentNanos(now);
    }

    boolean pingDue(long now) {
        return progress.pingDue(now);
    }

    long oldestPingNanos(long now) {
        return progress.oldestPingNanos(now);
    }

    /** How long the frame handed to the container has waited for the transport, 0 when none is in flight. */
    long inFlightNanos(long now) {
        long since = inFlightSinceNanos;
        return since == 0 ? 0 : now - since;
    }

    /** Forgets what is still queued and returns how many messages that was (they count as dropped). */
    int discardPending() {
        int n = 0;
        Object frame;
        while ((frame = pending.poll()) != null) {
            if (frame instanceof String) {
                n++;
            }
        }
        return n;
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            Object next;
            while ((next = pending.poll()) != null) {
                Completion completion = new Completion(next instanceof String);
                inFlightSinceNanos = System.nanoTime();
                if (!transmit(next, completion)) {
                    return;
                }
                // The container may complete a send on this very thread; go on here instead of recursing.
                if (completion.state.compareAndSet(Completion.RUNNING, Completion.RETURNED)) {
                    return;
                }
            }
            sending.set(false);
            if (pending.isEmpty()) {
                return;
            }
        }
    }

    private boolean transmit(Object frame, Completion completion) {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(SEND_CONTEXT);
        try {
            if (frame instanceof PingFrame ping) {
                session.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, ping.seq()));
                completion.onResult(new SendResult());
            } else {
                session.getAsyncRemote().sendText((String) frame, completion);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            inFlightSinceNanos = 0;
            counters.dropped.increment();
            onFailure.accept(this, Disconnect.SEND_FAILED);
            return false;
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    private record PingFrame(long seq) {
    }

    /** Tracks whether a send completed before or after {@code sendText} returned. */
    private final class Completion implements SendHandler {
        static final int RUNNING = 0;
        static final int RETURNED = 1;
        static final int DONE = 2;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        private final boolean message;

        Completion(boolean message) {
            this.message = message;
        }

        @Override
        public void onResult(SendResult result) {
            inFlightSinceNanos = 0;
            if (!result.isOK()) {
                counters.dropped.increment();
                onFailure.accept(Client.this, Disconnect.SEND_FAILED);
            } else if (message) {
                counters.sent.increment();
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                sending.set(false);
                drain();
            }
        }
    }
}
