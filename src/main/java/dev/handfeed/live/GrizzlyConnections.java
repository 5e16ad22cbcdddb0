package dev.handfeed.live;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Finds, for each Tyrus connection, the Grizzly connection that frames built once for all are written to
 * ({@link GrizzlyWrites}). The handles are read from the first connection's objects, since the writer Tyrus uses is
 * only known from an instance; a connection whose objects then differ keeps Tyrus's raw send, and the log says so
 * once, not once per connection.
 */
final class GrizzlyConnections {

    private static final Logger LOG = Logger.getLogger(GrizzlyConnections.class.getName());

    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile Optional<GrizzlyWrites> handles;
    private volatile boolean used;

    /** The Grizzly connection under {@code protocolHandler}, or null where its frames go through Tyrus's writer. */
    GrizzlyWrites.Target of(Object protocolHandler) {
        Optional<GrizzlyWrites> resolved = handles;
        if (resolved == null) {
            synchronized (this) {
                if (handles == null) {
                    handles = GrizzlyWrites.resolve(protocolHandler);
                }
                resolved = handles;
            }
        }
        if (resolved.isEmpty()) {
            return null;
        }
        try {
            GrizzlyWrites.Target target = resolved.get().of(protocolHandler).orElse(null);
            used = target != null;
            return target;
        } catch (Throwable e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warning(() -> "Cannot reach the Grizzly connection under a Tyrus connection; its frames go"
                        + " through Tyrus's writer (logged once): " + e);
            }
            return null;
        }
    }

    /** Whether the Grizzly connection was found under the last Tyrus connection (compressed ones included). */
    boolean used() {
        return used;
    }
}
