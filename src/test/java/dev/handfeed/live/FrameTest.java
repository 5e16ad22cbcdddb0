package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.Heartbeat;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameTest {

    private final Encoded heartbeat = new Encoded(new Heartbeat("heartbeat", Instant.EPOCH), "{\"type\":\"heartbeat\"}");

    @Test
    void onlyMessagesCount() {
        assertEquals(1, new Frame.Text("a").messages());
        assertEquals(1, new Frame.Message(heartbeat).messages());
        assertEquals(0, new Frame.Ping(1).messages());
        assertEquals(0, new Frame.Close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""), () -> { })
                .messages());
    }

    @Test
    void aBatchIsItsPartsFramesInOrderAndStopsAtAPing() {
        Queue<Frame> pending = new ArrayDeque<>(List.of(new Frame.Message(heartbeat), new Frame.Text("caf\u00e9"),
                new Frame.Ping(3), new Frame.Text("after the ping")));
        Frame.Batch batch = Frame.Batch.gather(new Frame.Text("first"), pending, Outbound.GATHER_BYTES);

        assertEquals(3, batch.messages());
        assertEquals(List.of("first", heartbeat.json(), "caf\u00e9"), batch.parts().stream()
                .map(part -> part instanceof Frame.Text text ? text.text() : ((Frame.Message) part).encoded().json())
                .toList());
        // framed the way a broadcast message is, by the wire package: the same bytes whichever way a part came
        ByteBuffer expected = ByteBuffer.allocate(64).put(frameOf("first")).put(heartbeat.textFrame())
                .put(frameOf("caf\u00e9"));
        assertArrayEquals(bytes(expected.flip()), bytes(batch.bytes()));
        assertEquals(new Frame.Ping(3), pending.peek()); // left for the next write
    }

    @Test
    void aBatchStopsOnceItHoldsTheCap() {
        String part = "x".repeat(100); // 102 bytes framed
        Queue<Frame> pending = new ArrayDeque<>(List.of(new Frame.Text(part), new Frame.Text(part),
                new Frame.Text(part)));
        Frame.Batch batch = Frame.Batch.gather(new Frame.Text(part), pending, 204);

        assertEquals(2, batch.messages());
        assertEquals(204, batch.bytes().remaining());
        assertEquals(2, pending.size());
    }

    @Test
    void aWrittenBatchCountsEachOfItsMessages() {
        LiveCounters counters = new LiveCounters(new SimpleMeterRegistry());
        Frame.Batch batch = Frame.Batch.gather(new Frame.Text("a"),
                new ArrayDeque<>(List.of(new Frame.Message(heartbeat), new Frame.Text("b"))), Outbound.GATHER_BYTES);
        batch.written(counters);
        assertEquals(3, counters.sent());
    }

    private static byte[] frameOf(String text) {
        return new Encoded(new Heartbeat("heartbeat", Instant.EPOCH), text).textFrame();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.duplicate().get(out);
        return out;
    }
}
