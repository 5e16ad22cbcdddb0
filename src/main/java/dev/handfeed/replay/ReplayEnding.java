package dev.handfeed.replay;

import dev.handfeed.live.Client;
import dev.handfeed.live.ClientRegistry;
import dev.handfeed.wire.ErrorMessage;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.ReplayComplete;

import java.time.Instant;
import java.util.logging.Logger;

/** Ends replays: {@code replay_complete} (or an {@code error} saying why it stopped), then the held live feed. */
final class ReplayEnding implements Replay.Ending {

    private static final Logger LOG = Logger.getLogger(ReplayEnding.class.getName());

    private final ClientRegistry registry;
    private final JsonCodec codec;
    private final ReplayCounters counters;

    ReplayEnding(ClientRegistry registry, JsonCodec codec, ReplayCounters counters) {
        this.registry = registry;
        this.codec = codec;
        this.counters = counters;
    }

    @Override
    public void completed(Client client, long from, long to, long count) {
        counters.completed(count);
        end(client, codec.toJson(new ReplayComplete(from, to, count, Instant.now())));
    }

    @Override
    public void tooSlow(Client client, long count) {
        counters.failed(count);
        registry.tooSlow(client);
    }

    @Override
    public void failed(Client client, long count, String why) {
        counters.failed(count);
        if (why == null || !client.isOpen()) {
            return;
        }
        LOG.warning(() -> "Replay to client " + client.name() + " (" + client.id() + ") stopped after " + count
                + " event(s): " + why);
        end(client, codec.toJson(new ErrorMessage("Replay stopped after " + count + " event(s): " + why
                + "; live hands follow, resume again later", Instant.now())));
    }

    /** The closing message, then the live messages held meanwhile. */
    private void end(Client client, String closing) {
        if (!client.endReplay(closing)) {
            registry.tooSlow(client);
        }
    }
}
