package dev.handfeed.load;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Clients spread over several {@link Fleet}s, one selector thread each, used as one. */
final class Fleets implements AutoCloseable {

    private final List<Fleet> fleets = new ArrayList<>();

    Fleets(URI base, int clients, int threads, int expectedHands, String handPrefix) throws IOException {
        for (int i = 0; i < threads; i++) {
            int share = clients / threads + (i < clients % threads ? 1 : 0);
            fleets.add(new Fleet(base.getHost(), base.getPort(), share, Math.max(1, 256 / threads), expectedHands,
                    handPrefix));
        }
    }

    long awaitOpen(long seconds) throws InterruptedException {
        long failed = 0;
        for (Fleet fleet : fleets) {
            failed += fleet.awaitOpen(seconds);
        }
        return failed;
    }

    List<Peer> peers() {
        return fleets.stream().flatMap(f -> f.peers().stream()).toList();
    }

    long handsReceived() {
        return fleets.stream().mapToLong(Fleet::handsReceived).sum();
    }

    long cpuNanos() {
        return fleets.stream().mapToLong(Fleet::cpuNanos).sum();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (Fleet fleet : fleets) {
            fleet.close();
        }
    }
}
