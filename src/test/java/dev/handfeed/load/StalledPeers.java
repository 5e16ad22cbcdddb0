package dev.handfeed.load;

import dev.handfeed.testing.RawWebSocket;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Clients that never read (but send pongs, so they look alive): what one stalled viewer does to the others. */
final class StalledPeers implements AutoCloseable {

    private final List<RawWebSocket> peers = new ArrayList<>();
    private final ScheduledExecutorService pongs = Executors.newSingleThreadScheduledExecutor();

    StalledPeers(URI base, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            peers.add(RawWebSocket.open(base, "stalled-" + i, 4096));
        }
        pongs.scheduleAtFixedRate(() -> peers.forEach(peer -> {
            try {
                peer.sendPong();
            } catch (IOException e) {
                // the server closed it (4002): that is the expected end of a stalled peer
            }
        }), 0, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        pongs.shutdownNow();
        for (RawWebSocket peer : peers) {
            peer.close();
        }
    }
}
