package dev.handfeed.live;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ClientTest {

    private final FakeSession fake = new FakeSession();
    private final Client client = new Client(fake.session(), new PortableTransport(fake.session()), "c1", "coach", 0,
            100, TimeUnit.SECONDS.toNanos(5), new LiveCounters(new SimpleMeterRegistry()), (c, why) -> { });

    @Test
    void aReplayWaitingForAReadReceiptRunsOnceWhenTheConnectionCloses() {
        AtomicInteger steps = new AtomicInteger();
        client.sendReplayed("{\"type\":\"new_hand\",\"event_id\":1}", 1);
        client.whenRead(steps::incrementAndGet);
        assertEquals(0, steps.get(), "ran before the client confirmed reading");
        client.closed();
        // the step runs, finds the connection closed and ends the replay; it is not left waiting forever
        assertEquals(1, steps.get());
        assertFalse(client.isOpen());
        client.closed();
        assertEquals(1, steps.get());
    }

    @Test
    void aClientThatReadEverythingRunsTheStepAtOnce() {
        AtomicInteger steps = new AtomicInteger();
        client.whenRead(steps::incrementAndGet);
        assertEquals(1, steps.get());
    }
}
