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
 * One connected client and its outbound buffer. At most one send is in flight per client: the next message leaves
 * only when the previous one was written, so a client that stops reading holds up nobody but itself, and its
 * backlog is bounded by {@code capacity} instead of growing inside the container.
 */
public final class Client {

    /** A ping is queued like a message so that it never races a text send on the same session. */
    private static final String PING = new String("ping");
    private static final ByteBuffer PING_PAYLOAD = ByteBuffer.wrap(new byte[] {'h', 'f'}).asReadOnlyBuffer();

    private final Session session;
    private final String id;
    private final String name;
    private final int capacity;
    private final LiveCounters counters;
    private final BiConsumer<Client, Disconnect> onFailure;
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile long inFlightSinceNanos;
    private volatile long lastHeardNanos = System.nanoTime();

    Client(Session session, String id, String name, int capacity, LiveCounters counters,
           BiConsumer<Client, Disconnect> onFailure) {
        this.session = session;
        this.id = id;
        this.name = name;
        this.capacity = capacity;
        this.counters = counters;
        this.onFailure = onFailure;
    }

    public String id() { return id; }
    public String name() { return name; }
    Session session() { return session; }

    /** Queues a text frame; false when the buffer is full (the caller disconnects the client). */
    boolean offer(String text) {
        if (pendingCount.incrementAndGet() > capacity) {
            pendingCount.decrementAndGet();
            return false;
        }
        pending.add(text);
        drain();
        return true;
    }

    boolean offerPing() {
        return offer(PING);
    }

    void heard() {
        lastHeardNanos = System.nanoTime();
    }

    public long silentNanos(long now) {
        return now - lastHeardNanos;
    }

    /** How long the message in flight has been waiting for the transport, 0 when nothing is in flight. */
    long inFlightNanos(long now) {
        long since = inFlightSinceNanos;
        return since == 0 ? 0 : now - since;
    }

    /** Forgets what is still queued and returns how many messages that was (they count as dropped). */
    int discardPending() {
        int n = 0;
        while (pending.poll() != null) {
            pendingCount.decrementAndGet();
            n++;
        }
        return n;
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            String next;
            while ((next = pending.poll()) != null) {
                pendingCount.decrementAndGet();
                Completion completion = new Completion();
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

    private boolean transmit(String text, Completion completion) {
        try {
            if (text == PING) {
                session.getAsyncRemote().sendPing(PING_PAYLOAD.duplicate());
                inFlightSinceNanos = 0;
                completion.state.set(Completion.DONE);
            } else {
                session.getAsyncRemote().sendText(text, completion);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            inFlightSinceNanos = 0;
            counters.dropped.increment();
            onFailure.accept(this, Disconnect.SEND_FAILED);
            return false;
        }
    }

    /** Tracks whether a send completed before or after {@code sendText} returned. */
    private final class Completion implements SendHandler {
        static final int RUNNING = 0;
        static final int RETURNED = 1;
        static final int DONE = 2;
        final AtomicInteger state = new AtomicInteger(RUNNING);

        @Override
        public void onResult(SendResult result) {
            inFlightSinceNanos = 0;
            if (result.isOK()) {
                counters.sent.increment();
            } else {
                counters.dropped.increment();
                onFailure.accept(Client.this, Disconnect.SEND_FAILED);
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                sending.set(false);
                drain();
            }
        }
    }
}
