package dev.handfeed.live;

import dev.handfeed.filters.EventFacts;
import dev.handfeed.filters.Filters;
import dev.handfeed.wire.Encoded;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One connected client: who it is, its outbound frames ({@link Outbound}) and how far it has read
 * ({@link ReadProgress}), and where its replay meets its live feed ({@link HandOff}). Its buffer is bounded by how
 * far behind it may be: {@code capacity} messages sent but not yet confirmed read.
 */
public final class Client {

    private final Session session;
    private final String id;
    private final String name;
    private final int lane;
    private final long capacity;
    private final ReadProgress progress;
    private final Outbound outbound;
    private final HandOff handOff;
    private final AtomicBoolean resumed = new AtomicBoolean();
    private final AtomicReference<Runnable> onRead = new AtomicReference<>();
    private volatile boolean open = true;

    Client(Session session, Transport transport, String id, String name, int lane, int capacity, long pingPeriodNanos,
           LiveCounters counters, BiConsumer<Client, Disconnect> onFailure) {
        this.session = session;
        this.id = id;
        this.name = name;
        this.lane = lane;
        this.capacity = capacity;
        this.progress = new ReadProgress(pingPeriodNanos);
        this.outbound = new Outbound(session, transport, counters, () -> onFailure.accept(this, Disconnect.SEND_FAILED));
        this.handOff = new HandOff(capacity);
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

    /** Queues a broadcast message; false when the client is already {@code capacity} messages behind. */
    boolean offer(Encoded message) {
        if (!progress.tryOffer(capacity)) {
            return false;
        }
        outbound.message(message);
        return true;
    }

    /**
     * A broadcast message ({@code facts} null when it is not an event): held while a replay runs, not sent when
     * the replay sent it already or the client's filters refuse it.
     */
    boolean deliver(Encoded message, EventFacts facts) {
        return handOff.live(message, facts, (Encoded m) -> offer(m));
    }

    /** The filters in force. */
    public Filters filters() {
        return handOff.filters();
    }

    /** Replaces the filters and sends {@code answer}; events after it are judged by the new ones. */
    boolean subscribe(Filters filters, String answer) {
        return handOff.subscribe(filters, answer, (String text) -> offer(text));
    }

    /** Claims this connection's one resume; false when it had it already. */
    public boolean claimResume() {
        return resumed.compareAndSet(false, true);
    }

    /** From now until {@link #endReplay} live messages wait behind the replay. */
    public void beginReplay() {
        handOff.hold();
    }

    /** The replay reads the journal again: what was broadcast before it is the replay's to send. */
    public void replayReading() {
        handOff.replayReading();
    }

    /** A replayed message ({@code eventId} 0 for a marker); false when the client is too far behind to take it. */
    public boolean sendReplayed(String json, long eventId) {
        if (eventId != 0) {
            handOff.replayed(eventId);
        }
        return offer(json);
    }

    /**
     * Holds the frames queued from now on until {@link #sendHeld()}: a replay queues a turn of messages, and they
     * leave in as few writes as the transport allows.
     */
    public void holdSends() {
        outbound.cork();
    }

    /** Sends what was queued since {@link #holdSends()}. */
    public void sendHeld() {
        outbound.uncork();
    }

    /** Sends the live messages held since it connected, and goes live; false when they did not fit. */
    boolean goLive() {
        return handOff.release(null, this::offer, this::offer);
    }

    /** Sends the replay's closing message, then the live messages held meanwhile; false when they did not fit. */
    public boolean endReplay(String closing) {
        return handOff.release(closing, this::offer, this::offer);
    }

    /** Messages sent and not yet confirmed read. */
    public long unconfirmed() {
        return progress.behind();
    }

    /**
     * Runs {@code then} (once) when the client has confirmed reading what it was sent: at once when it has, else
     * after the pong of a ping sent now. A client that never answers is closed by the stalled-send check instead.
     */
    public void whenRead(Runnable then) {
        onRead.set(then);
        if (progress.behind() == 0) {
            runOnRead();
        } else if (!progress.awaitingPong()) {
            ping();
        }
    }

    /**
     * Asks for a read receipt now: a ping behind what was sent so far. A replay asks every half window, so that
     * the next pong is on its way before the window is full and the replay seldom stops to wait.
     */
    public void askReadReceipt() {
        ping();
    }

    public boolean isOpen() {
        return open;
    }

    /** Closed: a replay waiting for a read receipt runs its next step now, to find the connection gone and end. */
    void closed() {
        open = false;
        runOnRead();
    }

    /** Queues a ping behind everything queued so far. */
    void ping() {
        outbound.ping(progress.ping(System.nanoTime()));
    }

    /** A pong arrived; those carrying our payload confirm what the client has read. */
    void pong(ByteBuffer payload) {
        if (payload.remaining() == Long.BYTES) {
            progress.pong(payload.getLong(payload.position()));
            runOnRead();
        } else {
            progress.heard();
        }
    }

    private void runOnRead() {
        Runnable then = onRead.getAndSet(null);
        if (then != null) {
            then.run();
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

    /** Sends {@code last} after what is queued, then closes; false when a close is on its way already. */
    boolean closeAfter(String last, CloseReason reason, Runnable then) {
        return outbound.closeAfter(last, reason, then);
    }
}
