package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.TextFrame;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client's outbound frames, sent one at a time in the order they were queued: a ping leaves after the messages
 * queued before it, so its pong proves they were read. Asynchronous sends, never more than one in flight.
 * <p>
 * Where the transport takes frames as bytes ({@link Transport#takesFrames()}), the messages queued behind each
 * other leave together, as one write of their frames: a replay queues a turn of messages and a client that fell
 * behind has several waiting, and each write to the container costs far more than framing a message does.
 */
final class Outbound {

    /** How many bytes of frames one write gathers at most: a turn of a replay in two or three writes. */
    static final int GATHER_BYTES = 64 * 1024;

    private final Session session;
    private final Transport transport;
    private final LiveCounters counters;
    private final Runnable failed;
    private final Queue<Object> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean corked;
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

    /**
     * Holds what is queued from now until {@link #uncork()}, so that it leaves in as few writes as the transport
     * allows. Only the thread queueing a batch corks, and uncorks when it is done.
     */
    void cork() {
        corked = true;
    }

    /** Sends what was queued meanwhile. */
    void uncork() {
        corked = false;
        drain();
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
            n += messages(frame);
        }
        return n;
    }

    private void drain() {
        // Whoever queues while corked leaves the sending to uncork(), which drains after the cork is off.
        while (!corked && sending.compareAndSet(false, true)) {
            Object next;
            while (!corked && (next = pending.poll()) != null) {
                if (closeSent) {
                    counters.dropped(messages(next));
                    continue;
                }
                if (next instanceof CloseFrame close) {
                    closeSent = true;
                    close(close);
                    continue;
                }
                if (transport.takesFrames() && messages(next) == 1 && messages(pending.peek()) == 1) {
                    next = gather(next);
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

    /** {@code first} and the messages queued right behind it, up to {@link #GATHER_BYTES}, as one write. */
    private Gathered gather(Object first) {
        List<Object> messages = new ArrayList<>();
        int bytes = 0;
        Object next = first;
        while (true) {
            messages.add(next);
            bytes += next instanceof Encoded message ? message.textFrame().length : TextFrame.length((String) next);
            if (bytes >= GATHER_BYTES || messages(pending.peek()) != 1) {
                break;
            }
            next = pending.poll();
        }
        // A broadcast message's frame is shared, so copied; a message of this client's alone is encoded in place.
        ByteBuffer write = ByteBuffer.allocate(bytes);
        for (Object message : messages) {
            if (message instanceof Encoded encoded) {
                write.put(encoded.textFrame());
            } else {
                TextFrame.encode((String) message, write);
            }
        }
        return new Gathered(messages, write.flip());
    }

    /** How many messages a queued frame carries (pings and closes are none). */
    private static int messages(Object frame) {
        if (frame instanceof String || frame instanceof Encoded) {
            return 1;
        }
        return frame instanceof Gathered gathered ? gathered.messages().size() : 0;
    }

    private boolean transmit(Object frame, Completion completion) {
        try {
            if (frame instanceof PingFrame ping) {
                transport.ping(ByteBuffer.allocate(Long.BYTES).putLong(0, ping.seq()).array());
                completion.onResult(new SendResult());
            } else if (frame instanceof Encoded message) {
                transport.message(message, completion);
            } else if (frame instanceof Gathered gathered) {
                transport.frames(gathered.bytes(), completion);
            } else {
                transport.text((String) frame, completion);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            inFlightSinceNanos = 0;
            counters.dropped(messages(frame));
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

    /** Messages that leave as one write of their frames. */
    private record Gathered(List<Object> messages, ByteBuffer bytes) {
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
                counters.dropped(messages(frame));
                failed.run();
            } else if (frame instanceof Gathered gathered) {
                gathered.messages().forEach(this::written);
            } else {
                written(frame);
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                sending.set(false);
                drain();
            }
        }

        private void written(Object message) {
            if (message instanceof Encoded encoded) {
                counters.written(encoded.json(), encoded.seenNanos(), encoded.eventId());
            } else if (message instanceof String text) {
                counters.written(text, 0, 0);
            }
        }
    }
}
