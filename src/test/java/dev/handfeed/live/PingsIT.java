package dev.handfeed.live;

import dev.handfeed.testing.RawWebSocket;
import dev.handfeed.testing.SecuredServer;
import dev.handfeed.testing.SecuredServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Pings as handfeed writes them on Payara Micro (frames of its own, past Tyrus, see docs/benchmarks.md): on the
 * secured server (a heartbeat every second, CLIENT_SEND_TIMEOUT_MS=3000) a client with messages not yet confirmed is
 * pinged every three seconds, and the next ping comes only once the last one was answered, so a second ping shows
 * the first pong was taken as the read receipt. A compressed connection gets the same plain control frames.
 */
@ExtendWith(SecuredServerExtension.class)
class PingsIT {

    private final SecuredServer server;

    PingsIT(SecuredServer server) {
        this.server = server;
    }

    @Test
    void compressedAndPlainClientsArePingedWithPlainControlFramesAndTheirPongsCount() throws Exception {
        for (boolean deflate : new boolean[] {true, false}) {
            Map<String, String> headers = new HashMap<>(SecuredServer.bearer(server.token("pinged", 600)));
            if (deflate) {
                headers.put("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
            }
            try (RawWebSocket client = RawWebSocket.open(server.base(), "/ws?client_name=pinged-" + deflate, null,
                    headers, 65536)) {
                String extensions = client.responseHeader("Sec-WebSocket-Extensions");
                assertEquals(deflate, extensions != null && extensions.startsWith("permessage-deflate"),
                        "negotiated: " + extensions);
                List<RawWebSocket.Frame> before = new ArrayList<>();
                RawWebSocket.Frame first = client.readUntilPing(before);
                assertNotNull(first, "pinged before the connection ended");
                assertEquals(0x89, first.firstByte(), "a final ping without RSV bits: no extension touches it");
                assertEquals(Long.BYTES, first.payload().length, "the sequence number its pong brings back");
                assertFalse(before.isEmpty(), "the ack and heartbeats came before it");
                assertEquals(deflate, before.stream().anyMatch(f -> f.opcode() == 1 && (f.firstByte() & 0x40) != 0),
                        "messages compressed only where deflate was negotiated");

                client.answer(first);
                RawWebSocket.Frame second = client.readUntilPing(new ArrayList<>());
                assertNotNull(second, "pinged again once the first pong confirmed the reads");
                assertEquals(0x89, second.firstByte());
                assertEquals(ByteBuffer.wrap(first.payload()).getLong() + 1, ByteBuffer.wrap(second.payload()).getLong());
                client.answer(second);
            }
        }
    }
}
