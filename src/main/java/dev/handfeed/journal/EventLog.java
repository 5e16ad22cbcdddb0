package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The journal's events as replays and {@code GET /events} read them, and their retention. It has connections of
 * its own, so a replay or a purge never waits for the watcher's transaction, and the watcher never waits for them.
 */
public final class EventLog {

    private static final int DELETE_CHUNK = 5_000;

    private final Connection reader;
    private final Supplier<Connection> connect;
    private final String location;
    private volatile long purgedThrough;
    /** The journal's {@code store}: a hand broadcast a moment ago may still be on its way into the database. */
    private volatile Runnable beforeRead = () -> { };

    EventLog(Connection reader, Supplier<Connection> connect, String location) throws SQLException {
        this.reader = reader;
        this.connect = connect;
        this.location = location;
        this.purgedThrough = Long.parseLong(JournalSchema.Meta.read(reader, "purged_through").orElse("0"));
        reader.commit();
    }

    void beforeRead(Runnable store) {
        beforeRead = store;
    }

    /** Every event id up to this one has been purged; replays start after it at the earliest. */
    public long purgedThrough() {
        return purgedThrough;
    }

    /**
     * Another node of a shared journal purged up to {@code watermark}: replays here must not claim to be whole
     * across what it deleted.
     */
    public void purgedElsewhere(long watermark) {
        if (watermark > purgedThrough) {
            purgedThrough = watermark;
        }
    }

    /** The newest stored event id, 0 when there is none. */
    public long newest() {
        beforeRead.run();
        synchronized (reader) {
            try (Statement s = reader.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(event_id), 0) FROM events")) {
                rs.next();
                long newest = rs.getLong(1);
                reader.commit();
                return newest;
            } catch (SQLException e) {
                throw new JournalException("Journal " + location + ": cannot read the newest event id: "
                        + e.getMessage(), e);
            }
        }
    }

    /** Up to {@code limit} stored events with an id above {@code after}, oldest first. */
    public List<StoredEvent> after(long after, int limit) {
        beforeRead.run();
        synchronized (reader) {
            try (PreparedStatement s = reader.prepareStatement(
                    "SELECT event_id, type, payload FROM events WHERE event_id > ? ORDER BY event_id LIMIT ?")) {
                s.setLong(1, Math.max(after, purgedThrough));
                s.setInt(2, limit);
                List<StoredEvent> events = new ArrayList<>(Math.min(limit, 1_000));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
                reader.commit();
                return events;
            } catch (SQLException e) {
                throw new JournalException("Journal " + location + ": cannot read events after " + after
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Deletes the events beyond the newest {@code maxEvents} and those detected before {@code oldest}. The
     * watermark is raised first, in its own transaction: an interrupted purge leaves events that replays no
     * longer offer, never a replay that claims to be whole across deleted events.
     */
    public Purge purge(long maxEvents, Instant oldest) {
        beforeRead.run();
        try (Connection c = connect.get()) {
            c.setAutoCommit(false);
            purgedElsewhere(Long.parseLong(JournalSchema.Meta.read(c, "purged_through").orElse("0")));
            long cutoff = Math.max(newestBeyond(c, maxEvents), newestBefore(c, oldest));
            if (cutoff <= purgedThrough) {
                return new Purge(0, purgedThrough);
            }
            JournalSchema.Meta.write(c, "purged_through", String.valueOf(cutoff));
            c.commit();
            purgedThrough = cutoff;
            long deleted = 0;
            int n;
            try (PreparedStatement s = c.prepareStatement(Dialect.of(c).deleteChunk(DELETE_CHUNK))) {
                s.setLong(1, cutoff);
                do {
                    n = s.executeUpdate();
                    c.commit();
                    deleted += n;
                } while (n == DELETE_CHUNK);
            }
            return new Purge(deleted, cutoff);
        } catch (SQLException e) {
            throw new JournalException("Journal " + location + ": cannot purge old events: " + e.getMessage(), e);
        }
    }

    /** How many events are stored now. */
    public long count() {
        beforeRead.run();
        synchronized (reader) {
            try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                rs.next();
                long count = rs.getLong(1);
                reader.commit();
                return count;
            } catch (SQLException e) {
                throw new JournalException("Journal " + location + ": cannot count events: " + e.getMessage(), e);
            }
        }
    }

    void close() throws SQLException {
        synchronized (reader) {
            reader.close();
        }
    }

    private static long newestBeyond(Connection c, long keep) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT event_id FROM events ORDER BY event_id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")) {
            s.setLong(1, keep);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static long newestBefore(Connection c, Instant oldest) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT COALESCE(MAX(event_id), 0) FROM events WHERE detected_at < ?")) {
            s.setObject(1, oldest.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
