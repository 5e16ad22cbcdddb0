import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * What one read of a grown history file costs, as FileTail makes it (the file's attributes, open, its size and first
 * 64 bytes, the new bytes, close), when reads come GAP ms apart: a hand at 10 per second finds the machine's caches
 * cold. Appends a 750-byte hand, waits GAP ms, times the read; WARM reads without a gap come first, so that every
 * method is compiled. Run by run.sh as a single-file program; read-gap.js times node-ws's read the same way.
 */
public class ReadGap {
    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        long gapMillis = Long.parseLong(a[1]);
        int warm = Integer.parseInt(a[2]);
        Path file = Files.createTempFile("read-gap", ".txt");
        byte[] hand = new byte[750];
        Arrays.fill(hand, (byte) 'x');
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        long[][] t = new long[3][n];
        try {
            for (int i = 0; i < warm + n; i++) {
                Files.write(file, hand, StandardOpenOption.APPEND);
                if (i >= warm && gapMillis > 0) {
                    Thread.sleep(gapMillis);
                }
                long t0 = System.nanoTime();
                Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
                long t1;
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    t1 = System.nanoTime();
                    long size = channel.size();
                    channel.read(ByteBuffer.allocate(64), 0);
                    buffer.clear();
                    position += channel.read(buffer, position);
                    if (size < position || key == null) {
                        throw new IllegalStateException("the file shrank");
                    }
                }
                long t2 = System.nanoTime();
                if (i >= warm) {
                    t[0][i - warm] = t1 - t0;
                    t[1][i - warm] = t2 - t1;
                    t[2][i - warm] = t2 - t0;
                }
            }
        } finally {
            Files.delete(file);
        }
        String[] names = {"attributes + open", "size, head, read, close", "whole read"};
        System.out.printf("%d reads %d ms apart, after %d without a gap (µs):%n", n, gapMillis, warm);
        for (int k = 0; k < 3; k++) {
            long[] x = t[k].clone();
            Arrays.sort(x);
            System.out.printf("  %-24s p50 %5d  p90 %5d%n", names[k], x[n / 2] / 1000, x[n * 9 / 10] / 1000);
        }
    }
}
