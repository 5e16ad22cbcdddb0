package dev.handfeed.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

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
}
