package dev.handfeed.cluster;

import dev.handfeed.journal.Journal;
import dev.handfeed.journal.StoredEvent;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Delivers every event of a shared journal to this node's clients, in event id order, once: the one delivery path
 * of a node on PostgreSQL, its own hands included. A notification (carrying the newest id) only wakes it; it reads
 * the table after the last id it delivered, so a notification missed, or a node that was slow, loses nothing.
 * Publishing transactions commit their ids in order (see the journal's publishing lock), so "after the last id" never
 * passes over an id that commits later. A short poll is the safety net for a notification that never came.
 */
final class EventFollower implements Runnable {

    private static final Logger LOG = Logger.getLogger(EventFollower.class.getName());
    private static final int PAGE = 500;

    private final DataSource source;
    private final Journal journal;
    private final ClusterNode node;
    private final Consumer<StoredEvent> publish;
    private final int pollMillis;
    private volatile boolean stopped;
    private volatile Exception failure;
    private volatile boolean ended;
    private final java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);

    EventFollower(DataSource source, Journal journal, ClusterNode node, Consumer<StoredEvent> publish, int pollMillis) {
        this.source = source;
        this.journal = journal;
        this.node = node;
        this.publish = publish;
        this.pollMillis = pollMillis;
    }

    @Override
    public void run() {
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + dev.handfeed.journal.Journal.NOTIFY_CHANNEL);
            }
            PGConnection listener = c.unwrap(PGConnection.class);
            long delivered = node.startFrom(journal.lastEventId());
            journal.delivered(delivered);
            while (!stopped) {
                delivered = catchUp(c, delivered);
                // Wakes at the first notification or after the poll; what they say is read from the table.
                listener.getNotifications(pollMillis);
            }
        } catch (SQLException | RuntimeException e) {
            if (!stopped) {
                failure = e;
                LOG.warning(() -> "Following the shared journal failed: " + e.getMessage());
            }
        } finally {
            ended = true;
            end.countDown();
        }
    }

    private long catchUp(Connection c, long from) throws SQLException {
        long newest;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(event_id), 0),"
                + " (SELECT val FROM meta WHERE name = 'purged_through') FROM events")) {
            rs.next();
            newest = rs.getLong(1);
            String purged = rs.getString(2);
            if (purged != null) {
                journal.events().purgedElsewhere(Long.parseLong(purged));
            }
        }
        node.newest(newest);
        long delivered = from;
        while (delivered < newest && !stopped) {
            int read = 0;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT event_id, type, payload FROM events WHERE event_id > ? ORDER BY event_id LIMIT " + PAGE)) {
                s.setLong(1, delivered);
                try (ResultSet rs = s.executeQuery()) {
                    while (!stopped && rs.next()) {
                        StoredEvent event = new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3));
                        // The journal learns of the event before it is broadcast, as the embedded journal does at
                        // its commit: a client registered after the broadcast passed its lane is acked with this id,
                        // not the one before, so it is never owed an event that will not come.
                        journal.delivered(event.eventId());
                        publish.accept(event);
                        delivered = event.eventId();
                        node.delivered(delivered);
                        read++;
                    }
                }
            }
            if (read == 0) {
                break; // purged meanwhile, or the newest id was a hand stored by another publisher's retry
            }
        }
        return delivered;
    }

    /** Stops, and waits (a poll at most) until it has: two followers of one node would deliver twice. */
    void stop() {
        stopped = true;
        try {
            if (!end.await(pollMillis * 4L + 5_000, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warning("The shared journal's follower did not stop in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The follower stopped on a failure (the database gone): the node opens the journal again. */
    boolean failed() {
        return failure != null || (ended && !stopped);
    }

    Exception failure() {
        return failure;
    }
}
