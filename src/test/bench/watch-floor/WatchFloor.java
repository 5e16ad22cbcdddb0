import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.*;
import java.util.*;

/**
 * Times an append by another process (writer.js) -> WatchService.take() returning -> the new bytes read: the part of
 * a hand's way that comes before handfeed's own code. Run by run.sh as a single-file program.
 */
public class WatchFloor {
    public static void main(String[] a) throws Exception {
        Path dir = Path.of(a[0]);
        int n = Integer.parseInt(a[1]);
        WatchService ws = FileSystems.getDefault().newWatchService();
        dir.register(ws, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
        List<Long> d1 = new ArrayList<>(), d2 = new ArrayList<>();
        long offset = 0;
        try (FileChannel r = FileChannel.open(dir.resolve("h.txt"))) {
            while (d1.size() < n) {
                WatchKey k = ws.take();
                long t = System.nanoTime();
                k.pollEvents();
                k.reset();
                ByteBuffer b = ByteBuffer.allocate(65536);
                int len = r.read(b, offset);
                long t2 = System.nanoTime();
                if (len <= 0) continue;
                offset += len;
                for (String line : new String(b.array(), 0, len).split("\n")) {
                    long w = Long.parseLong(line.split(" ")[2]);
                    d1.add(t - w);
                    d2.add(t2 - w);
                }
            }
        }
        Collections.sort(d1);
        Collections.sort(d2);
        System.out.printf("java WatchService: write->take p50 %.3f ms p90 %.3f; write->bytes read p50 %.3f ms%n",
                d1.get(n / 2) / 1e6, d1.get(n * 9 / 10) / 1e6, d2.get(n / 2) / 1e6);
    }
}
