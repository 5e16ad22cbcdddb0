package dev.handfeed.tournaments;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Random damage to a file's bytes: one byte replaced, dropped or inserted, or one line dropped, repeated or moved. */
final class Damage {

    private Damage() {
    }

    static byte[] once(byte[] b, Random random) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        List<byte[]> lines = lines(b);
        switch (random.nextInt(6)) {
            case 0 -> {
                byte[] copy = b.clone();
                copy[at] = (byte) random.nextInt(256);
                return copy;
            }
            case 1 -> {
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, at + 1, b.length));
            }
            case 2 -> {
                return concat(Arrays.copyOf(b, at), new byte[] {(byte) random.nextInt(256)},
                        Arrays.copyOfRange(b, at, b.length));
            }
            case 3 -> lines.remove(random.nextInt(lines.size()));
            case 4 -> lines.add(random.nextInt(lines.size() + 1), lines.get(random.nextInt(lines.size())));
            default -> Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        }
        return concat(lines.toArray(new byte[0][]));
    }

    /** Lines with their {@code \n}, so that joining them gives the text back. */
    private static List<byte[]> lines(byte[] b) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') {
                lines.add(Arrays.copyOfRange(b, start, i + 1));
                start = i + 1;
            }
        }
        if (start < b.length) {
            lines.add(Arrays.copyOfRange(b, start, b.length));
        }
        return lines;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
