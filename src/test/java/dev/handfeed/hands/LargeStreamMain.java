package dev.handfeed.hands;

import dev.handfeed.hands.bench.CorpusGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Run in a child JVM with a small heap by {@link LargeStreamTest}: writes a ~100 MB history file (generated
 * hands interleaved with binary garbage) and streams it through the parser. Exit code 0 and a summary line
 * on success; an OutOfMemoryError or a wrong count fails the test.
 */
public final class LargeStreamMain {

    private LargeStreamMain() {
    }

    public static void main(String[] args) throws IOException {
        long target = Long.parseLong(args[0]);
        byte[] hands = new CorpusGenerator(99).corpus(1000, null);
        byte[] garbage = new byte[32 * 1024];
        new Random(5).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            // Keep the garbage free of line ends so it forms long lines, the harder case for the line buffer.
            garbage[i] = garbage[i] == '\n' ? (byte) 'x' : garbage[i];
        }
        Path file = Files.createTempFile("handfeed-large", ".txt");
        long rounds = 0;
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                for (long written = 0; written < target; written += hands.length + garbage.length + 1) {
                    out.write(hands);
                    out.write(garbage);
                    out.write('\n');
                    rounds++;
                }
            }
            long[] counts = new long[3];
            long bytes = new HandParser().parse(file, e -> counts[e instanceof HandEvent.Parsed ? 0
                    : e instanceof HandEvent.Failed ? 1 : 2]++);
            Runtime rt = Runtime.getRuntime();
            System.out.println("bytes=" + bytes + " rounds=" + rounds + " parsed=" + counts[0] + " failed=" + counts[1]
                    + " other=" + counts[2] + " maxHeapMiB=" + rt.maxMemory() / (1 << 20));
            System.exit(counts[0] == rounds * 1000 && counts[1] == 0 && counts[2] == 0 ? 0 : 2);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
