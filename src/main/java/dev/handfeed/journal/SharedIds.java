package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Event ids of a journal shared by several publishers, from the database's sequence. A sequence alone hands out
 * ids that can commit out of order (publisher A takes 7, B takes 8 and commits first), and a reader of "every event
 * after 7" would then pass over 7 for good. So the publishing transaction first takes a transaction-level advisory
 * lock: publishing transactions run one after the other, and ids commit in the order they were taken.
 */
final class SharedIds {

    /** The lock's key, "handfeed" in ASCII; the folder locks use the two-key form, which never meets this one. */
    static final long PUBLISH_LOCK = 0x68616e6466656564L;
    static final String CHANNEL = "handfeed_events";

    private boolean locked;

    /** The next id, within the transaction of the connection, which then holds the lock until it ends. */
    long next(Connection connection) throws SQLException {
        if (!locked) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                s.setLong(1, PUBLISH_LOCK);
                s.execute();
            }
            locked = true;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT nextval('event_ids')");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Wakes every node's follower with the newest id, delivered by PostgreSQL only if the transaction commits. */
    void notifyCommitting(Connection connection, long newest) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, CHANNEL);
            s.setString(2, Long.toString(newest));
            s.execute();
        }
    }

    /** The transaction ended (commit or rollback): the lock went with it. */
    void ended() {
        locked = false;
    }
}
