package dev.handfeed.cluster;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.logging.Logger;

/**
 * A node's part in the journal while it is open: its follower (on a shared journal) and, when it watches, its turn
 * at the folders. Closing it stops the follower; the watcher opens a new one with the journal after a failure.
 */
public final class Membership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Membership.class.getName());
    /** A standby tries the lock this often: a tailer that died is replaced within this, plus a start-up scan. */
    private static final long TAKEOVER_TRY_MILLIS = 1_000;

    private final ClusterNode node;
    private final DataSource source;
    private final EventFollower follower;

    Membership(ClusterNode node, DataSource source, EventFollower follower) {
        this.node = node;
        this.source = source;
        this.follower = follower;
    }

    static Membership single(ClusterNode node) {
        return new Membership(node, null, null);
    }

    /** True when the follower stopped on a failure: the journal must be opened again. */
    public boolean failed() {
        return follower != null && follower.failed();
    }

    /** Throws what stopped the follower, if anything did. */
    public void rethrow() {
        if (failed()) {
            Exception cause = follower.failure();
            throw new IllegalStateException("the shared journal's follower stopped: "
                    + (cause == null ? "it ended" : cause.getMessage()), cause);
        }
    }

    /** {@code WATCH=false}: serves until {@code await} says stop (it waits up to the given ms) or a failure. */
    public void serve(LongPredicate await) {
        node.role(NodeRole.SERVING);
        while (!failed() && !await.test(TAKEOVER_TRY_MILLIS)) {
            // nothing to do but deliver, which the follower does
        }
    }

    /**
     * The turn at the folders of {@code group}: at once on a single node; on a shared journal, once no other node
     * of the group holds it (standby until then). Null when {@code await} says stop or the follower failed first.
     */
    public Turn awaitTurn(String group, LongPredicate await) throws SQLException {
        if (follower == null) {
            node.role(NodeRole.TAILER);
            return new Turn(null);
        }
        boolean told = false;
        while (!failed()) {
            FolderLock lock = FolderLock.tryTake(source, group);
            if (lock != null) {
                node.role(NodeRole.TAILER);
                LOG.info(() -> "Node " + node.id() + " tails watch group '" + group + "'");
                return new Turn(lock);
            }
            node.role(NodeRole.STANDBY);
            if (!told) {
                told = true;
                LOG.info(() -> "Node " + node.id() + " is standby: another node tails watch group '" + group + "'");
            }
            if (await.test(TAKEOVER_TRY_MILLIS)) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.stop();
        }
    }

    /** The right to tail, until closed or lost. */
    public static final class Turn implements AutoCloseable {
        private final FolderLock lock;

        Turn(FolderLock lock) {
            this.lock = lock;
        }

        /** True when another node may have taken over: the lock's connection broke. */
        public boolean lost() {
            return lock != null && lock.lost();
        }

        /** Stops when {@code halted} or when the turn is lost. */
        public BooleanSupplier or(BooleanSupplier halted) {
            return () -> halted.getAsBoolean() || lost();
        }

        @Override
        public void close() {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
