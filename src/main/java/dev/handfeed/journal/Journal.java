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
    private final String location;
    private long lastEventId;

    private Journal(Connection connection, String location) throws SQLException {
        this.connection = connection;
        this.location = location;
        JournalSchema.create(connection);
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(event_id), 0) FROM hands")) {
            rs.next();
            lastEventId = rs.getLong(1);
        }
        connection.commit();
    }

    /**
     * Opens (creating when needed) the journal in {@code dataDir}. WRITE_DELAY=0 hands every commit to the
     * operating system at once, so a killed JVM loses nothing committed; the file lock refuses a second server on
     * the same folder.
     */
    public static Journal open(Path dataDir) {
        Path base = dataDir.toAbsolutePath().resolve("handfeed");
        try {
            Files.createDirectories(dataDir);
            Connection connection = new org.h2.Driver().connect(
                    "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", new java.util.Properties());
            connection.setAutoCommit(false);
            Journal journal = new Journal(connection, base + ".mv.db");
            LOG.info(() -> "Journal " + journal.location + " opened; last event id " + journal.lastEventId);
            return journal;
        } catch (SQLException | java.io.IOException e) {
            throw new JournalException("Cannot open the journal " + base + ".mv.db (is another handfeed using "
                    + dataDir + "?): " + e.getMessage(), e);
        }
    }

    /** Reserves the next event id; it is used only if the transaction that records it commits. */
    public synchronized long nextEventId() {
        return ++lastEventId;
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

    /** Records hands and the file's new position in one transaction. */
    public synchronized void commit(String file, FilePosition position, Collection<JournalEntry> entries) {
        try (PreparedStatement hand = connection.prepareStatement(
                "INSERT INTO hands (hand_id, event_id, file, detected_at, payload) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement pos = connection.prepareStatement(
                     "MERGE INTO files (path, file_key, fingerprint, byte_offset, line) KEY (path) VALUES (?, ?, ?, ?, ?)")) {
            for (JournalEntry e : entries) {
                hand.setString(1, e.handId());
                hand.setObject(2, e.eventId());
                hand.setString(3, e.file());
                hand.setObject(4, e.detectedAt().atOffset(ZoneOffset.UTC));
                hand.setString(5, e.payload());
                hand.addBatch();
            }
            if (!entries.isEmpty()) {
                hand.executeBatch();
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
    }

    public synchronized boolean flag(String name) {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM meta WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure("read " + name, e);
        }
    }

    public synchronized void setFlag(String name) {
        try (PreparedStatement s = connection.prepareStatement("MERGE INTO meta (name, val) KEY (name) VALUES (?, ?)")) {
            s.setString(1, name);
            s.setString(2, "true");
            s.executeUpdate();
            connection.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("write " + name, e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
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
