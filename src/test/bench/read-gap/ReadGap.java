import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one read of a grown history file costs, as FileTail makes it (the file's attributes, open, its size and first
 * 64 bytes, the new bytes, close), when reads come GAP ms apart: a hand at 10 per second finds the machine's caches
 * cold. WARM reads without a gap come first, so that every method is compiled; then a timer appends a 750-byte hand
 * and, GAP ms later, times its read. Run by run.sh as a single-file program; read-gap.js times node-ws's read the
 * same way.
 */
public class ReadGap {

    private final Path file;
    private final byte[] hand = new byte[750];
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private long position;

    ReadGap(Path file) {
        this.file = file;
        Arrays.fill(hand, (byte) 'x');
    }

    void append() throws Exception {
        Files.write(file, hand, StandardOpenOption.APPEND);
    }

    /** Reads what was appended; returns {attributes + open, the rest, whole} in ns. */
    long[] read() throws Exception {
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
        return new long[] {t1 - t0, t2 - t1, t2 - t0};
    }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        long gapMillis = Long.parseLong(a[1]);
        int warm = Integer.parseInt(a[2]);
        Path file = Files.createTempFile("read-gap", ".txt");
        ReadGap bench = new ReadGap(file);
        long[][] t = new long[3][n];
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < warm; i++) {
                bench.append();
                bench.read();
            }
            CountDownLatch done = new CountDownLatch(1);
            int[] taken = {0};
            bench.append();
            timer.scheduleAtFixedRate(() -> {
                if (taken[0] == n) {
                    return; // the main thread is stopping the timer
                }
                try {
                    long[] one = bench.read();
                    for (int k = 0; k < 3; k++) {
                        t[k][taken[0]] = one[k];
                    }
                    taken[0]++;
                    bench.append();
                } catch (Exception e) {
                    throw new IllegalStateException("read " + (taken[0] + 1) + " failed", e);
                } finally {
                    if (taken[0] == n) {
                        done.countDown();
                    }
                }
            }, gapMillis, gapMillis, TimeUnit.MILLISECONDS);
            if (!done.await(n * gapMillis + 60_000, TimeUnit.MILLISECONDS) || taken[0] < n) {
                throw new IllegalStateException("only " + taken[0] + " of " + n + " reads were taken");
            }
        } finally {
            timer.shutdownNow();
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
