package dev.handfeed.live;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pong's payload coming back is checked end to end by the read-receipt integration tests (ReplayIT). */
class PingFrameTest {

    @Test
    void aPingIsOneFinalUnmaskedControlFrameWithItsPayload() {
        byte[] payload = ByteBuffer.allocate(Long.BYTES).putLong(0, 0x0102030405060708L).array();
        ByteBuffer frame = PingFrame.of(payload);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        assertArrayEquals(new byte[]{(byte) 0x89, 8, 1, 2, 3, 4, 5, 6, 7, 8}, bytes);
    }

    @Test
    void anEmptyPingAndTheLargestOneFit() {
        assertEquals(2, PingFrame.of(new byte[0]).remaining());
        ByteBuffer largest = PingFrame.of(new byte[PingFrame.MAX_PAYLOAD]);
        assertEquals(127, largest.remaining());
        assertEquals(125, largest.get(1));
    }

    @Test
    void aPayloadAboveTheControlFrameLimitIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PingFrame.of(new byte[PingFrame.MAX_PAYLOAD + 1]));
        assertEquals("a ping carries at most 125 bytes, not 126", e.getMessage());
    }
}
