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
    private final Queue<Frame> pending = new ConcurrentLinkedQueue<>();
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
        pending.add(new Frame.Text(text));
        drain();
    }

    /** A broadcast message: its text goes out, and its completion is measured against when its hand was seen. */
    void message(Encoded message) {
        pending.add(new Frame.Message(message));
        drain();
    }

    /** Queues a ping carrying {@code seq}, the number its pong will bring back. */
    void ping(long seq) {
        if (closing.get()) {
            return;
        }
        pending.add(new Frame.Ping(seq));
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
        pending.add(new Frame.Text(last));
        pending.add(new Frame.Close(reason, then));
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
        Frame frame;
        while ((frame = pending.poll()) != null) {
            n += frame.messages();
        }
        return n;
    }

    private void drain() {
        // Whoever queues while corked leaves the sending to uncork(), which drains after the cork is off.
        while (!corked && sending.compareAndSet(false, true)) {
            Frame next;
            while (!corked && (next = pending.poll()) != null) {
                if (closeSent) {
                    counters.dropped(next.messages());
                    continue;
                }
                if (next instanceof Frame.Close close) {
                    closeSent = true;
                    close(close);
                    continue;
                }
                if (transport.takesFrames() && next instanceof Frame.Single single
                        && pending.peek() instanceof Frame.Single) {
                    next = Frame.Batch.gather(single, pending, GATHER_BYTES);
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

    private boolean transmit(Frame frame, Completion completion) {
        try {
            if (frame instanceof Frame.Ping ping) {
                transport.ping(ByteBuffer.allocate(Long.BYTES).putLong(0, ping.seq()).array(), completion);
            } else if (frame instanceof Frame.Message message) {
                transport.message(message.encoded(), completion);
            } else if (frame instanceof Frame.Batch batch) {
                transport.frames(batch.bytes(), completion);
            } else {
                transport.text(((Frame.Text) frame).text(), completion);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            inFlightSinceNanos = 0;
            counters.dropped(frame.messages());
            failed.run();
            return false;
        }
    }

    /** Sent after every frame queued before it has left: the close follows the message that explains it. */
    private void close(Frame.Close frame) {
        try {
            session.close(frame.reason());
        } catch (IOException | RuntimeException e) {
            // The transport is gone already: the connection is closed either way.
        } finally {
            frame.then().run();
        }
    }

    /** Tracks whether a send completed before or after {@code sendText} returned. */
    private final class Completion implements SendHandler {
        static final int RUNNING = 0;
        static final int RETURNED = 1;
        static final int DONE = 2;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        private final Frame frame;

        Completion(Frame frame) {
            this.frame = frame;
        }

        @Override
        public void onResult(SendResult result) {
            inFlightSinceNanos = 0;
            if (!result.isOK()) {
                counters.dropped(frame.messages());
                failed.run();
            } else {
                frame.written(counters);
            }
            if (!state.compareAndSet(RUNNING, DONE)) {
                sending.set(false);
                drain();
            }
        }
    }
}
