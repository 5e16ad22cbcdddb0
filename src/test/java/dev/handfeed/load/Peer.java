package dev.handfeed.load;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One client of the {@link Fleet}: what it received and when (System.nanoTime), written by the fleet's thread. */
final class Peer {

    SocketChannel channel;
    byte[] pending = new byte[512];
    int pendingLength;
    boolean upgraded;
    boolean open;
    boolean failed;
    boolean closed;
    int closeCode = -1;
    long startedNanos;
    long ackNanos;
    long handleNanos;
    long messages;
    long duplicates;
    final Map<String, Long> heartbeats = new HashMap<>();
    /** Receipt time of hand n of the load run at index n - 1; 0 when not received. */
    final long[] hands;
    private final String handPrefix;
    private final AtomicLong handsReceived;

    Peer(int expectedHands, String handPrefix, AtomicLong handsReceived) {
        this.hands = new long[expectedHands];
        this.handPrefix = handPrefix;
        this.handsReceived = handsReceived;
    }

    void append(ByteBuffer bytes) {
        int n = bytes.remaining();
        if (pendingLength + n > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + n));
        }
        bytes.get(pending, pendingLength, n);
        pendingLength += n;
    }

    void consume(int bytes) {
        System.arraycopy(pending, bytes, pending, 0, pendingLength - bytes);
        pendingLength -= bytes;
    }

    /** Records a text message; the cost of this method is the tool's own receive cost. */
    void text(String json, long receivedNanos) {
        long start = System.nanoTime();
        if (json.startsWith("{\"type\":\"new_hand\"")) {
            String handId = field(json, "\"hand_id\":\"");
            if (handId.startsWith(handPrefix)) {
                int n = Integer.parseInt(handId.substring(handPrefix.length(), handId.indexOf('-', handPrefix.length())));
                if (hands[n - 1] != 0) {
                    duplicates++;
                } else {
                    hands[n - 1] = receivedNanos;
                    handsReceived.incrementAndGet();
                }
            }
        } else if (json.startsWith("{\"type\":\"heartbeat\"")) {
            heartbeats.putIfAbsent(field(json, "\"timestamp\":\""), receivedNanos);
        }
        messages++;
        handleNanos += System.nanoTime() - start;
    }

    long connectNanos() {
        return ackNanos - startedNanos;
    }

    private static String field(String json, String key) {
        int start = json.indexOf(key) + key.length();
        return json.substring(start, json.indexOf('"', start));
    }
}
