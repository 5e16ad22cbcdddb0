package dev.handfeed.cluster;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The right to tail a watch group's folders: a PostgreSQL session advisory lock, held by a connection of its own
 * for as long as the node tails. When the node dies, its session ends and the lock goes with it, so a standby
 * takes it at its next try. Keys are in the two-key space, which the publishing lock's single key never meets.
 */
final class FolderLock implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FolderLock.class.getName());
    /** "hf" and a version: the first key of every folder lock. */
    private static final int SPACE = 0x68660001;
    private static final long CHECK_NANOS = 1_000_000_000L;

    private final Connection connection;
    private final String group;
    private long checkedAt = System.nanoTime();
    private boolean lost;

    private FolderLock(Connection connection, String group) {
        this.connection = connection;
        this.group = group;
    }

    /** The lock when no other node holds it, else null. */
    static FolderLock tryTake(DataSource source, String group) throws SQLException {
        Connection connection = source.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
                s.setInt(1, SPACE);
                s.setInt(2, group.hashCode()); // String.hashCode is specified: every JVM computes the same key
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return new FolderLock(connection, group);
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return null;
    }

    /**
     * True once the lock's connection is found broken (looked at once a second at most): the database may have
     * given the lock to another node, so this one stops tailing.
     */
    boolean lost() {
        long now = System.nanoTime();
        if (!lost && now - checkedAt >= CHECK_NANOS) {
            checkedAt = now;
            try {
                lost = !connection.isValid(2);
            } catch (SQLException e) {
                lost = true;
            }
            if (lost) {
                LOG.warning(() -> "Lost the connection that holds the lock of watch group '" + group
                        + "'; tailing stops until it is taken again");
            }
        }
        return lost;
    }

    @Override
    public void close() {
        // A container's pooled connection outlives close(): the lock is released by name first.
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.setInt(1, SPACE);
            s.setInt(2, group.hashCode());
            s.execute();
        } catch (SQLException e) {
            LOG.fine(() -> "Unlocking watch group '" + group + "': " + e.getMessage());
        }
        try {
            connection.close(); // a driver's own connection: the session ends, and any lock with it
        } catch (SQLException e) {
            LOG.fine(() -> "Closing the lock connection of '" + group + "': " + e.getMessage());
        }
    }
}
