package dev.handfeed.live;

import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.function.BiConsumer;

/**
 * One connected client: who it is, its outbound frames ({@link Outbound}) and how far it has read
 * ({@link ReadProgress}). Its buffer is bounded by how far behind it may be: {@code capacity} messages sent but
 * not yet confirmed read.
 */
public final class Client {

    private final Session session;
    private final String id;
    private final String name;
    private final int lane;
    private final long capacity;
    private final ReadProgress progress;
    private final Outbound outbound;

    Client(Session session, String id, String name, int lane, int capacity, long pingPeriodNanos,
           LiveCounters counters, BiConsumer<Client, Disconnect> onFailure) {
        this.session = session;
        this.id = id;
        this.name = name;
        this.lane = lane;
        this.capacity = capacity;
        this.progress = new ReadProgress(pingPeriodNanos);
        this.outbound = new Outbound(session, counters, () -> onFailure.accept(this, Disconnect.SEND_FAILED));
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
        outbound.text(text);
        return true;
    }

    /** Queues a ping behind everything queued so far. */
    void ping() {
        outbound.ping(progress.ping(System.nanoTime()));
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

    long inFlightNanos(long now) {
        return outbound.inFlightNanos(now);
    }

    /** Forgets what is still queued and returns how many messages that was (they count as dropped). */
    int discardPending() {
        return outbound.discard();
    }
}
