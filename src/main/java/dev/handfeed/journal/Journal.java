package dev.handfeed.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The H2 database {@code handfeed.mv.db} in the data folder. One connection, used by the watcher thread: a file's
 * new hands and its new offset are recorded together, before anything is broadcast, so that after a crash a
 * hand is either recorded and skipped, or not recorded and delivered then. The embedded journal records them in
 * its log and writes them into the database after the broadcast ({@link WriteBehind}); everything that reads the
 * database has them written in first. The same journal can live in PostgreSQL instead ({@link #openShared}),
 * shared by several nodes, where they are committed before the broadcast.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());
    /** The LISTEN/NOTIFY channel of a shared journal: its payload is the newest event id committed. */
    public static final String NOTIFY_CHANNEL = SharedIds.CHANNEL;

    private final Connection connection;
    private final EventLog events;
    private final String location;
    private final String streamId;
    private final SharedIds sharedIds; // null for the embedded journal, whose only writer numbers events itself
    private final WriteBehind writeBehind; // null for a shared journal: its nodes read what the others committed
    private final HandPrints prints; // null for a shared journal: the other nodes record hands this one never sees
    private long reservedEventId;
    private volatile long lastEventId;

    Journal(Connection connection, EventLog events, String location, SharedIds sharedIds, WriteBehind writeBehind)
            throws SQLException {
        this.connection = connection;
        this.sharedIds = sharedIds;
        this.writeBehind = writeBehind;
        this.events = events;
        this.location = location;
        streamId = JournalSchema.Meta.read(connection, "stream_id").orElseThrow();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT GREATEST((SELECT COALESCE(MAX(event_id), 0) FROM hands),"
                     + " (SELECT COALESCE(MAX(event_id), 0) FROM events),"
                     + " (SELECT COALESCE(MAX(event_id), 0) FROM summary_entries))")) {
            rs.next();
            // Purged events leave the watermark behind them: ids are never given twice.
            reservedEventId = Math.max(rs.getLong(1), events.purgedThrough());
        }
        lastEventId = reservedEventId;
        prints = writeBehind == null ? null : HandPrints.load(connection);
        connection.commit();
        events.beforeRead(this::store);
    }

    /**
     * Opens (creating or upgrading when needed) the journal in {@code dataDir}, and writes in what its log holds
     * beyond the database ({@link JournalOpening#embedded}).
     */
    public static Journal open(Path dataDir) {
        return JournalOpening.embedded(dataDir);
    }

    /**
     * Opens (creating or upgrading when needed) a journal that several nodes share, in PostgreSQL
     * ({@link JournalOpening#shared}).
     */
    public static Journal openShared(DataSource source, String location) {
        return JournalOpening.shared(source, location);
    }

    /** True for a journal in PostgreSQL that several nodes share; its events reach clients through a follower. */
    public boolean shared() {
        return sharedIds != null;
    }

    /** A shared journal's follower delivered every event up to this id to this node's clients. */
    public void delivered(long eventId) {
        if (eventId > lastEventId) {
            lastEventId = eventId;
        }
    }

    /**
     * The newest event a client may resume after: the newest committed. On a shared journal another node may have
     * sent a client events that this node's follower has yet to deliver; the replay reads them from the table.
     */
    public long resumableThrough() {
        return shared() ? Math.max(lastEventId, events.newest()) : lastEventId;
    }

    /** Where the journal is: its database file, or the shared database's address. */
    String location() {
        return location;
    }

    /** This journal's identity: random, created with the journal, so event ids are only compared within it. */
    public String streamId() {
        return streamId;
    }

    /** The newest committed event id, 0 when there is none. */
    public long lastEventId() {
        return lastEventId;
    }

    /** How many distinct hand prints the embedded journal keeps (0 for a shared one): a figure for its log. */
    int knownHands() {
        return prints == null ? 0 : prints.size();
    }

    /** The stored events, for replays and {@code GET /events}. */
    public EventLog events() {
        return events;
    }

    /**
     * Reserves the next event id; it is used only if the transaction that records it commits. On a shared journal
     * the id comes from the database, within the transaction that the next commit ends.
     */
    public synchronized long nextEventId() {
        if (sharedIds == null) {
            return ++reservedEventId;
        }
        try {
            return sharedIds.next(connection);
        } catch (SQLException e) {
            rollback();
            throw failure("number an event", e);
        }
    }

    /** Whether the hand was recorded before; a hand whose print is unknown was not, and the database is not asked. */
    public synchronized boolean contains(String handId) {
        if (prints != null && !prints.mayHold(handId)) {
            return false;
        }
        storeRecorded();
        try {
            return HandRows.contains(connection, handId);
        } catch (SQLException e) {
            throw failure("look up hand " + handId, e);
        }
    }

    public synchronized Optional<FilePosition> position(String file) {
        storeRecorded();
        try {
            return HandRows.position(connection, file);
        } catch (SQLException e) {
            throw failure("read the position of " + file, e);
        }
    }

    /**
     * Records hands, their events and the file's new position together: once this returns the hands may be
     * broadcast. The embedded journal appends them to its log; {@link #store} then writes them into the database.
     */
    public synchronized void commit(String file, FilePosition position, Collection<JournalEntry> entries) {
        long newest;
        if (writeBehind != null) {
            try {
                newest = writeBehind.record(file, position, entries);
            } catch (IOException e) {
                throw failure("record " + entries.size() + " hand(s) and the offset of " + file + " in its log", e);
            }
            entries.forEach(entry -> prints.add(entry.handId()));
            lastEventId = Math.max(lastEventId, newest);
            return;
        }
        try {
            newest = HandRows.insert(connection, file, position, entries);
            committing(newest);
        } catch (SQLException e) {
            rollback();
            throw failure("record " + entries.size() + " hand(s) and the offset of " + file, e);
        }
        if (sharedIds == null && newest > lastEventId) {
            lastEventId = newest;
        }
    }

    /**
     * Writes what {@link #commit} recorded into the database. The watcher calls it after the broadcast, off the
     * hands' way; whatever reads the database calls it first (a replay may find a hand broadcast a moment ago).
     */
    public void store() {
        if (writeBehind == null || !writeBehind.hasPending()) {
            return;
        }
        synchronized (this) {
            storeRecorded();
        }
    }

    /** Whether a tournament summary entry with this key was dealt with before (sent, history or unreadable). */
    public synchronized boolean knowsSummaryEntry(String key) {
        storeRecorded();
        try {
            return SummaryRows.contains(connection, key);
        } catch (SQLException e) {
            throw failure("look up summary entry " + key, e);
        }
    }

    /** Records summary entries and their events in one transaction. */
    public synchronized void commitSummaryEntries(String file, Collection<SummaryRecord> records) {
        storeRecorded();
        long newest;
        try {
            newest = SummaryRows.insert(connection, records);
            committing(newest);
        } catch (SQLException e) {
            rollback();
            throw failure("record the summary entries (" + records.size() + ") of " + file, e);
        }
        if (sharedIds == null && newest > lastEventId) {
            lastEventId = newest;
        }
    }

    public synchronized boolean flag(String name) {
        storeRecorded();
        try {
            return JournalSchema.Meta.read(connection, name).isPresent();
        } catch (SQLException e) {
            throw failure("read " + name, e);
        }
    }

    public synchronized void setFlag(String name) {
        storeRecorded();
        try {
            JournalSchema.Meta.write(connection, name, "true");
            committing(0);
        } catch (SQLException e) {
            rollback();
            throw failure("write " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            storeRecorded(); // what stays in the log is stored at the next start instead
        } finally {
            try {
                events.close();
                connection.close();
                H2.closeQuietly(writeBehind);
            } catch (SQLException e) {
                throw failure("close", e);
            }
        }
    }

    /** Caller holds the lock. On failure the reads stay recorded in the log, and the next start stores them. */
    private void storeRecorded() {
        if (writeBehind == null || !writeBehind.hasPending()) {
            return;
        }
        try {
            writeBehind.store(connection);
        } catch (SQLException | IOException e) {
            rollback();
            throw failure("write the recorded hands into the database", e);
        }
    }

    /** Commits; on a shared journal with news, the followers' wake-up goes with it. */
    private void committing(long newest) throws SQLException {
        if (sharedIds != null && newest > 0) {
            sharedIds.notifyCommitting(connection, newest);
        }
        connection.commit();
        if (sharedIds != null) {
            sharedIds.ended();
        }
    }

    private void rollback() {
        if (sharedIds != null) {
            sharedIds.ended();
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warning(() -> "Rollback of " + location + " failed: " + e.getMessage());
        }
    }

    private JournalException failure(String what, Exception e) {
        return new JournalException("Journal " + location + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
