package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's outbound frames, sent one at a time in the order they were queued: a ping leaves after the messages
 * queued before it, so its pong proves they were read. Asynchronous sends, never more than one in flight.
 */
final class Outbound {

    private final Session session;
    private final Transport transport;
    private final LiveCounters counters;
    private final Runnable failed;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closeSent;
    private volatile long inFlightSinceNanos;

    Outbound(Session session, Transport transport, LiveCounters counters, Runnable failed) {
        this.session = session;
        this.transport = transport;
        this.counters = counters;
        this.failed = failed;
    }

    void text(String text) {
        if (closing.get()) {
            counters.dropped(1);
            return;
        }
        pending.add(text);
        drain();
    }

    /** A broadcast message: its text goes out, and its completion is measured against when its hand was seen. */
    void message(Encoded message) {
        pending.add(message);
        drain();
    }

    /** Queues a ping carrying {@code seq}, the number its pong will bring back. */
    void ping(long seq) {
        if (closing.get()) {
            return;
        }
        pending.add(new PingFrame(seq));
        drain();
    }

    /**
     * Queues {@code last} and then a close, so that the client reads why it is closed before the close itself;
     * {@code then} runs once the close is handed to the container. Nothing queued later is sent. False when a close
     * was queued already.
     */
    boolean closeAfter(String last, CloseReason reason, Runnable then) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        pending.add(last);
        pending.add(new CloseFrame(reason, then));
        drain();
        return true;
    }

    /** How long the frame handed to the container has waited for the transport, 0 when none is in flight. */
    long inFlightNanos(long now) {
        long since = inFlightSinceNanos;
        return since == 0 ? 0 : now - since;
    }

    /** Forgets what is still queued and returns how many messages that was (they count as dropped). */
    int discard() {
        int n = 0;
        Object frame;
        while ((frame = pending.poll()) != null) {
            if (frame instanceof String || frame instanceof Encoded) {
                n++;
            }
        }
        return n;
    }

    private void drain() {
        while (sending.compareAndSet(false, true)) {
            Object next;
            while ((next = pending.poll()) != null) {
                if (closeSent) {
                    counters.dropped(next instanceof String || next instanceof Encoded ? 1 : 0);
                    continue;
                }
                if (next instanceof CloseFrame close) {
                    closeSent = true;
                    close(close);
                    continue;
                }
                Completion completion = new Completion(next);
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
        try {
            if (frame instanceof PingFrame ping) {
                transport.ping(ByteBuffer.allocate(Long.BYTES).putLong(0, ping.seq()).array());
                completion.onResult(new SendResult());
            } else if (frame instanceof Encoded message) {
                transport.message(message, completion);
            } else {
                transport.text((String) frame, completion);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            inFlightSinceNanos = 0;
            counters.dropped(1);
            failed.run();
            return false;
        }
    }

    /** Sent after every frame queued before it has left: the close follows the message that explains it. */
    private void close(CloseFrame frame) {
        try {
            session.close(frame.reason());
        } catch (IOException | RuntimeException e) {
            // The transport is gone already: the connection is closed either way.
        } finally {
            frame.then().run();
        }
    }

    private record PingFrame(long seq) {
    }

    private record CloseFrame(CloseReason reason, Runnable then) {
    }

    /** Tracks whether a send completed before or after {@code sendText} returned. */
    private final class Completion implements SendHandler {
        static final int RUNNING = 0;
        static final int RETURNED = 1;
        static final int DONE = 2;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        private final Object frame;

        Completion(Object frame) {
            this.frame = frame;
        }

        @Override
        public void onResult(SendResult result) {
            inFlightSinceNanos = 0;
            if (!result.isOK()) {
                counters.dropped(1);
                failed.run();
            } else if (frame instanceof Encoded message) {
                counters.written(message.json(), message.seenNanos(), message.eventId());
            } else if (frame instanceof String text) {
                counters.written(text, 0, 0);
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                sending.set(false);
                drain();
            }
        }
    }
}
