package dev.handfeed.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The H2 database {@code handfeed.mv.db} in the data folder. One connection, used by the watcher thread: a file's
 * new hands and its new offset are committed together, before anything is broadcast, so that after a crash a
 * hand is either recorded and skipped, or not recorded and delivered then.
 */
public final class Journal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName());

    private final Connection connection;
    private final EventLog events;
    private final String location;
    private final String streamId;
    private long reservedEventId;
    private volatile long lastEventId;

    private Journal(Connection connection, EventLog events, String location) throws SQLException {
        this.connection = connection;
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
    }

    /**
     * Opens (creating or upgrading when needed) the journal in {@code dataDir}. WRITE_DELAY=0 hands every commit to
     * the operating system at once, so a killed JVM loses nothing committed; the file lock refuses a second server
     * on the same folder.
     */
    public static Journal open(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve("handfeed");
        // retry: an interrupted thread closes an NIO file channel under H2, which then fails or, worse, corrupts
        // the store (H2 issue 3944); the container interrupts its threads when it stops. This file system
        // reopens the channel and tries again.
        String url = "jdbc:h2:retry:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Connection connection = null;
        try {
            Files.createDirectories(dataDir);
            connection = connect(url);
            connection.setAutoCommit(false);
            JournalSchema.createOrUpgrade(connection);
            connection.commit();
            Connection reader = connect(url);
            reader.setAutoCommit(false);
            String location = base + ".mv.db";
            Journal journal = new Journal(connection,
                    new EventLog(reader, () -> connectUnchecked(url, location), location), location);
            LOG.info(() -> "Journal " + journal.location + " opened: stream " + journal.streamId + ", last event id "
                    + journal.lastEventId + ", events up to " + journal.events.purgedThrough() + " purged");
            return journal;
        } catch (SQLException | java.io.IOException e) {
            closeQuietly(connection);
            throw new JournalException("Cannot open the journal " + base + ".mv.db (is another handfeed using "
                    + dataDir + "?): " + e.getMessage(), e);
        }
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

    /** Reserves the next event id; it is used only if the transaction that records it commits. */
    public synchronized long nextEventId() {
        return ++reservedEventId;
    }

    public synchronized boolean contains(String handId) {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM hands WHERE hand_id = ?")) {
            s.setString(1, handId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("look up hand " + handId, e);
        }
    }

    public synchronized Optional<FilePosition> position(String file) {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT file_key, fingerprint, byte_offset, line FROM files WHERE path = ?")) {
            s.setString(1, file);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(new FilePosition(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read the position of " + file, e);
        }
    }

    /** Records hands, their events and the file's new position in one transaction. */
    public synchronized void commit(String file, FilePosition position, Collection<JournalEntry> entries) {
        long newest = 0;
        try (PreparedStatement hand = connection.prepareStatement(
                "INSERT INTO hands (hand_id, event_id, file, detected_at) VALUES (?, ?, ?, ?)");
             PreparedStatement event = connection.prepareStatement(
                     "INSERT INTO events (event_id, type, detected_at, payload) VALUES (?, ?, ?, ?)");
             PreparedStatement pos = connection.prepareStatement(
                     "MERGE INTO files (path, file_key, fingerprint, byte_offset, line) KEY (path) VALUES (?, ?, ?, ?, ?)")) {
            boolean events = false;
            for (JournalEntry e : entries) {
                hand.setString(1, e.handId());
                hand.setObject(2, e.eventId());
                hand.setString(3, e.file());
                hand.setObject(4, e.detectedAt().atOffset(ZoneOffset.UTC));
                hand.addBatch();
                if (e.eventId() != null) {
                    event.setLong(1, e.eventId());
                    event.setString(2, e.type());
                    event.setObject(3, e.detectedAt().atOffset(ZoneOffset.UTC));
                    event.setString(4, e.payload());
                    event.addBatch();
                    events = true;
                    newest = Math.max(newest, e.eventId());
                }
            }
            if (!entries.isEmpty()) {
                hand.executeBatch();
            }
            if (events) {
                event.executeBatch();
            }
            pos.setString(1, file);
            pos.setString(2, position.fileKey());
            pos.setString(3, position.fingerprint());
            pos.setLong(4, position.offset());
            pos.setLong(5, position.line());
            pos.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("record " + entries.size() + " hand(s) and the offset of " + file, e);
        }
        if (newest > lastEventId) {
            lastEventId = newest;
        }
    }

    /** Whether a tournament summary entry with this key was dealt with before (sent, history or unreadable). */
    public synchronized boolean knowsSummaryEntry(String key) {
        try {
            return SummaryRows.contains(connection, key);
        } catch (SQLException e) {
            throw failure("look up summary entry " + key, e);
        }
    }

    /** Records summary entries and their events in one transaction. */
    public synchronized void commitSummaryEntries(String file, Collection<SummaryRecord> records) {
        long newest;
        try {
            newest = SummaryRows.insert(connection, records);
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("record the summary entries (" + records.size() + ") of " + file, e);
        }
        if (newest > lastEventId) {
            lastEventId = newest;
        }
    }

    public synchronized boolean flag(String name) {
        try {
            return JournalSchema.Meta.read(connection, name).isPresent();
        } catch (SQLException e) {
            throw failure("read " + name, e);
        }
    }

    public synchronized void setFlag(String name) {
        try {
            JournalSchema.Meta.write(connection, name, "true");
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("write " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            events.close();
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return new org.h2.Driver().connect(url, new java.util.Properties());
    }

    private static Connection connectUnchecked(String url, String location) {
        try {
            return connect(url);
        } catch (SQLException e) {
            throw new JournalException("Journal " + location + ": cannot connect: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.fine(() -> "Closing a journal that failed to open: " + e.getMessage());
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warning(() -> "Rollback of " + location + " failed: " + e.getMessage());
        }
    }

    private JournalException failure(String what, SQLException e) {
        return new JournalException("Journal " + location + ": cannot " + what + ": " + e.getMessage(), e);
    }
}
