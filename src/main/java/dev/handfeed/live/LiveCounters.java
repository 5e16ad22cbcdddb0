package dev.handfeed.live;

import dev.handfeed.metrics.CloseCodes;
import dev.handfeed.metrics.Durations;
import dev.handfeed.metrics.FrameMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;

import java.util.concurrent.TimeUnit;

/**
 * What the live feed did since start, for {@code /ws/stats} and {@code /metrics}: the meters live in the
 * application's registry, and the registry, the clients and the broadcaster record through these methods.
 */
public final class LiveCounters {

    private static final String CLOSED = "handfeed.connections.closed";

    private final MeterRegistry registry;
    private final Counter opened;
    private final Counter dropped;
    private final Counter slowDisconnects;
    private final Counter deadPeerDisconnects;
    private final Counter errorsSent;
    private final Counter eventsDropped;
    private final Counter rejectedOrigins;
    private final FrameMeters frames;
    private final Timer broadcast;

    public LiveCounters(MeterRegistry registry) {
        this.registry = registry;
        opened = counter("handfeed.connections.opened", "WebSocket connections opened");
        dropped = counter("handfeed.messages.dropped", "Frames not delivered because their client was closed or failed");
        slowDisconnects = counter("handfeed.slow.client.disconnects", "Clients closed as too slow (4001, 4002)");
        deadPeerDisconnects = counter("handfeed.dead.peer.disconnects", "Clients closed as gone (4003)");
        errorsSent = counter("handfeed.errors.sent", "error messages queued in answer to a client's frame");
        eventsDropped = counter("handfeed.heartbeats.dropped", "Heartbeats not queued: the broadcast queue was full");
        rejectedOrigins = counter("handfeed.rejected.origins", "Browser connections refused by the origin check");
        frames = new FrameMeters(registry);
        broadcast = Durations.histogram(registry, "handfeed.broadcast.duration",
                "Time a broadcast lane takes to hand one message to each of its clients' buffers");
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    void connectionOpened() {
        opened.increment();
    }

    /** A connection ended with this close code (sent by either side; 1006 when it ended without one). */
    void connectionClosed(int code) {
        Counter.builder(CLOSED).tag("code", CloseCodes.label(code))
                .description("WebSocket connections closed, by close code").register(registry).increment();
    }

    /** The server closed a client: the close code, and the slow or dead-peer disconnect it is. */
    void disconnected(Disconnect why) {
        connectionClosed(why.code());
        switch (why) {
            case BUFFER_FULL, SEND_TIMEOUT -> slowDisconnects.increment();
            case DEAD_PEER -> deadPeerDisconnects.increment();
            default -> { }
        }
    }

    /** A text frame was written; {@code seenNanos} and {@code eventId} as in {@link FrameMeters#written}. */
    void written(String frame, long seenNanos, long eventId) {
        frames.written(frame, seenNanos, eventId);
    }

    void dropped(long messages) {
        if (messages > 0) {
            dropped.increment(messages);
        }
    }

    void errorSent() {
        errorsSent.increment();
    }

    void eventDropped() {
        eventsDropped.increment();
    }

    void originRejected() {
        rejectedOrigins.increment();
    }

    void broadcastTook(long nanos) {
        broadcast.record(nanos, TimeUnit.NANOSECONDS);
    }

    public long opened() { return (long) opened.count(); }
    public long closed() { return (long) Search.in(registry).name(CLOSED).counters().stream()
            .mapToDouble(Counter::count).sum(); }
    public long sent() { return frames.count(); }
    public long dropped() { return (long) dropped.count(); }
    public long slowDisconnects() { return (long) slowDisconnects.count(); }
    public long deadPeerDisconnects() { return (long) deadPeerDisconnects.count(); }
    public long errorsSent() { return (long) errorsSent.count(); }
    /** Events the broadcaster could not queue (only heartbeats may be dropped; hands wait for room). */
    public long eventsDropped() { return (long) eventsDropped.count(); }
    public long rejectedOrigins() { return (long) rejectedOrigins.count(); }
}
