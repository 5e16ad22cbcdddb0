package dev.handfeed.hands;

/**
 * The bytes of a line whose {@code \n} has not arrived yet. Capped: a line that outgrows
 * {@link HandReader#MAX_LINE_BYTES} is dropped and only remembered as overlong, so garbage without line
 * ends cannot grow the heap.
 */
final class PartialLine {

    private static final int SHRINK_ABOVE = 64 * 1024;

    private byte[] bytes = new byte[256];
    private int length;
    private long start;
    private boolean overlong;

    /** @return false when this append made the line overlong (its bytes are then dropped) */
    boolean append(byte[] src, int from, int n, long position) {
        if (overlong) {
            return true;
        }
        if (length == 0) {
            start = position;
        }
        if (length + n > HandReader.MAX_LINE_BYTES) {
            overlong = true;
            length = 0;
            return false;
        }
        if (length + n > bytes.length) {
            byte[] bigger = new byte[Math.min(HandReader.MAX_LINE_BYTES, Math.max(bytes.length * 2, length + n))];
            System.arraycopy(bytes, 0, bigger, 0, length);
            bytes = bigger;
        }
        System.arraycopy(src, from, bytes, length, n);
        length += n;
        return true;
    }

    boolean pending() {
        return length > 0 || overlong;
    }

    boolean overlong() {
        return overlong;
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Absolute offset of the line's first byte. */
    long start() {
        return start;
    }

    void clear() {
        overlong = false;
        length = 0;
        if (bytes.length > SHRINK_ABOVE) {
            bytes = new byte[256];
        }
    }
}
