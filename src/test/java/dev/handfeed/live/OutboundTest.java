package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.Heartbeat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboundTest {

    private final FakeSession fake = new FakeSession();
    private final LiveCounters counters = new LiveCounters(new SimpleMeterRegistry());
    private final AtomicInteger failures = new AtomicInteger();
    private final Outbound outbound = new Outbound(fake.session(), new PortableTransport(fake.session()), counters,
            failures::incrementAndGet);
    /** The same over a transport that takes frames as bytes, as Tyrus's direct one: queued messages are gathered. */
    private final Outbound gathering = new Outbound(fake.session(), fake.takingFrames(), counters,
            failures::incrementAndGet);

    @Test
    void sendsCompletedOnTheCallersThreadGoOutInOrderWithoutRecursion() {
        for (int i = 0; i < 10_000; i++) { // deep enough to overflow the stack if each completion recursed
            outbound.text("m" + i);
        }
        assertEquals(10_000, fake.frames().size());
        assertEquals("m9999", fake.frames().get(9_999));
        assertEquals(10_000, counters.sent());
    }

    @Test
    void keepsOneSendInFlightAndAPingBehindTheMessagesBeforeIt() {
        fake.holdSends();
        outbound.text("a");
        outbound.text("b");
        outbound.ping(7);
        outbound.text("c");
        assertEquals(List.of("a"), fake.frames());
        assertTrue(outbound.inFlightNanos(System.nanoTime()) >= 0);
        fake.completeOne();
        assertEquals(List.of("a", "b"), fake.frames());
        fake.completeOne();
        // the ping completes as it is handed over, so the next message follows it at once
        assertEquals(List.of("a", "b", "ping:7", "c"), fake.frames());
        fake.completeOne();
        assertEquals(0, outbound.inFlightNanos(System.nanoTime()));
        assertEquals(0, fake.unfinished());
    }

    @Test
    void aFailedSendReportsTheClientAndCountsTheMessage() {
        fake.holdSends();
        outbound.text("a");
        fake.failOne();
        assertEquals(1, failures.get());
        assertEquals(1, counters.dropped());
    }

    @Test
    void aSendThatThrowsReportsTheClientToo() {
        fake.failSends();
        outbound.text("a");
        assertEquals(1, failures.get());
        assertEquals(1, counters.dropped());
    }

    @Test
    void theReasonGoesOutBeforeTheCloseAndNothingAfterIt() {
        fake.holdSends();
        outbound.text("a");
        AtomicInteger closed = new AtomicInteger();
        assertTrue(outbound.closeAfter("why", Disconnect.BUFFER_FULL.closeReason(),
                closed::incrementAndGet));
        assertFalse(outbound.closeAfter("again", Disconnect.BUFFER_FULL.closeReason(), () -> { }));
        outbound.text("late");
        fake.completeOne();
        fake.completeOne();
        assertEquals(List.of("a", "why", "close:" + Disconnect.BUFFER_FULL.code()), fake.frames());
        assertEquals(1, closed.get());
        assertEquals(1, counters.dropped()); // "late"
    }

    @Test
    void discardCountsTheMessagesStillQueued() {
        fake.holdSends();
        outbound.text("a");
        outbound.text("b");
        outbound.ping(1);
        outbound.text("c");
        assertEquals(2, outbound.discard());
    }

    @Test
    void aCorkedBatchLeavesAsOneWriteOfItsFramesWithPingsBetween() {
        gathering.cork();
        gathering.text("a");
        gathering.message(new Encoded(new Heartbeat("heartbeat", Instant.EPOCH), "b\u00e9"));
        gathering.ping(3);
        gathering.text("c");
        gathering.text("d");
        assertEquals(List.of(), fake.frames());
        gathering.uncork();
        assertEquals(List.of("frames:a|b\u00e9", "ping:3", "frames:c|d"), fake.frames());
        assertEquals(4, counters.sent());
    }

    @Test
    void whereTheTransportWritesFramesAPingIsOneMoreSendInFlight() {
        fake.holdSends();
        gathering.text("a");
        gathering.ping(5);
        gathering.text("b");
        assertEquals(List.of("a"), fake.frames());
        fake.completeOne();
        assertEquals(List.of("a", "ping:5"), fake.frames(), "the message behind waits for the ping's write");
        fake.completeOne();
        assertEquals(List.of("a", "ping:5", "b"), fake.frames());
        fake.completeOne();
        assertEquals(0, gathering.inFlightNanos(System.nanoTime()));
    }

    @Test
    void messagesQueuedBehindASendInFlightFollowItInOneWrite() {
        fake.holdSends();
        gathering.text("a");
        gathering.text("b");
        gathering.text("c");
        assertEquals(List.of("a"), fake.frames());
        fake.completeOne();
        assertEquals(List.of("a", "frames:b|c"), fake.frames());
        fake.completeOne();
        assertEquals(3, counters.sent());
        assertEquals(0, fake.unfinished());
    }

    @Test
    void aSendCompletingWhileCorkedLeavesWhatFollowsToTheUncork() {
        fake.holdSends();
        gathering.text("a");
        gathering.cork();
        gathering.text("b");
        gathering.text("c");
        fake.completeOne();
        assertEquals(List.of("a"), fake.frames());
        gathering.uncork();
        assertEquals(List.of("a", "frames:b|c"), fake.frames());
    }

    @Test
    void aWriteGathersAboutSixtyFourKilobytesAtMost() {
        String big = "x".repeat(Outbound.GATHER_BYTES / 2);
        gathering.cork();
        gathering.text(big + 1);
        gathering.text(big + 2);
        gathering.text(big + 3);
        gathering.uncork();
        assertEquals(List.of("frames:" + big + 1 + "|" + big + 2, big + 3), fake.frames());
    }

    @Test
    void aFailedWriteCountsEveryMessageInItAsDropped() {
        fake.holdSends();
        gathering.cork();
        gathering.text("a");
        gathering.text("b");
        gathering.text("c");
        gathering.uncork();
        fake.failOne();
        assertEquals(1, failures.get());
        assertEquals(3, counters.dropped());
    }

    @Test
    void aTransportFramingEachMessageGetsThemOneByOneAfterTheCork() {
        outbound.cork();
        outbound.text("a");
        outbound.text("b");
        assertEquals(List.of(), fake.frames());
        outbound.uncork();
        assertEquals(List.of("a", "b"), fake.frames());
    }
}
