package dev.handfeed.journal;

import java.io.IOException;
import java.nio.file.Files;
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
    private long reservedEventId;
    private volatile long lastEventId;

    private Journal(Connection connection, EventLog events, String location, SharedIds sharedIds,
                    WriteBehind writeBehind) throws SQLException {
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
        connection.commit();
        events.beforeRead(this::store);
    }

    /**
     * Opens (creating or upgrading when needed) the journal in {@code dataDir}, and writes in what its log holds
     * beyond the database. WRITE_DELAY=0 hands every commit to the operating system at once, so that the log can
     * be emptied once its records are in the database; the file lock refuses a second server on the same folder.
     */
    public static Journal open(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve("handfeed");
        // retry: an interrupted thread closes an NIO file channel under H2, which then fails or, worse, corrupts
        // the store (H2 issue 3944); the container interrupts its threads when it stops. This file system
        // reopens the channel and tries again.
        String url = "jdbc:h2:retry:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Connection connection = null;
        JournalLog log = null;
        try {
            Files.createDirectories(dataDir);
            connection = H2.connect(url);
            connection.setAutoCommit(false);
            JournalMigrations.apply(new DriverSource(new org.h2.Driver(), url, new java.util.Properties()));
            log = JournalLog.open(dataDir.toAbsolutePath().resolve("handfeed.wal"));
            WriteBehind writeBehind = WriteBehind.open(log, connection);
            Connection reader = H2.connect(url);
            reader.setAutoCommit(false);
            String location = base + ".mv.db";
            Journal journal = new Journal(connection,
                    new EventLog(reader, () -> H2.connectUnchecked(url, location), location), location, null,
                    writeBehind);
            LOG.info(() -> "Journal " + journal.location + " opened: stream " + journal.streamId + ", last event id "
                    + journal.lastEventId + ", events up to " + journal.events.purgedThrough() + " purged");
            return journal;
        } catch (SQLException | IOException e) {
            H2.closeQuietly(connection);
            closeQuietly(log);
            throw new JournalException("Cannot open the journal " + base + ".mv.db (is another handfeed using "
                    + dataDir + "?): " + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating or upgrading when needed) a journal that several nodes share, in PostgreSQL: event ids come
     * from the database, in commit order, and every commit with events wakes the nodes' followers.
     */
    public static Journal openShared(DataSource source, String location) {
        Connection connection = null;
        try {
            JournalMigrations.apply(source);
            connection = source.getConnection();
            connection.setAutoCommit(false);
            Connection reader = source.getConnection();
            reader.setAutoCommit(false);
            Journal journal = new Journal(connection, new EventLog(reader, () -> {
                try {
                    return source.getConnection();
                } catch (SQLException e) {
                    throw new JournalException("Journal " + location + ": cannot connect: " + e.getMessage(), e);
                }
            }, location), location, new SharedIds(), null);
            LOG.info(() -> "Shared journal " + location + " opened: stream " + journal.streamId + ", newest event id "
                    + journal.lastEventId);
            return journal;
        } catch (SQLException | RuntimeException e) {
            H2.closeQuietly(connection);
            throw new JournalException("Cannot open the shared journal " + location + ": " + rootMessage(e), e);
        }
    }

    /** The innermost cause's message: a migration's failure comes wrapped, with no message of its own. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
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

    /** This journal's identity: random, created with the journal, so event ids are only compared within it. */
    public String streamId() {
        return streamId;
    }

    /** The newest committed event id, 0 when there is none. */
    public long lastEventId() {
        return lastEventId;
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

    public synchronized boolean contains(String handId) {
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
                closeQuietly(writeBehind);
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

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Closing the journal's log: " + e.getMessage());
            }
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
