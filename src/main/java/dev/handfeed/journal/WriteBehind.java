package dev.handfeed.journal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;

/**
 * How the embedded journal records a read before its hands are broadcast without waiting for the database: the
 * hands and the file's offset are appended to the {@link JournalLog}, the hands go out, and then they are written
 * into H2, in one transaction with the sequence number of the newest record it holds. At start-up whatever the log
 * holds beyond that number (a server killed between the append and the database) is written in first. The
 * database's commit took most of a millisecond of every hand's way to its clients; the append takes microseconds.
 */
final class WriteBehind implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WriteBehind.class.getName());
    /** The meta row with the newest log record the database holds. */
    static final String STORED_THROUGH = "log_stored_through";
    /** The log is emptied when it has grown past this and everything in it is stored. */
    private static final long CLEAR_AT = 4L << 20;

    private final JournalLog log;
    private final String streamId;
    private final List<LoggedCommit> pending = new ArrayList<>();
    private volatile boolean anyPending;
    private long nextSeq;

    private WriteBehind(JournalLog log, String streamId, long nextSeq) {
        this.log = log;
        this.streamId = streamId;
        this.nextSeq = nextSeq;
    }

    /** Opens the log beside the database and stores what a killed server left in it alone. */
    static WriteBehind open(JournalLog log, Connection connection) throws IOException, SQLException {
        long stored = JournalSchema.Meta.read(connection, STORED_THROUGH).map(Long::parseLong).orElse(0L);
        String stream = JournalSchema.Meta.read(connection, "stream_id").orElseThrow();
        JournalLog.Contents contents = log.read();
        long newest = stored;
        WriteBehind writeBehind = new WriteBehind(log, stream, 0);
        int foreign = 0;
        for (LoggedCommit commit : contents.commits()) {
            if (!commit.streamId().equals(stream)) {
                foreign++;
            } else if (commit.seq() > stored) {
                newest = Math.max(newest, commit.seq());
                writeBehind.pending.add(commit);
            }
        }
        if (foreign > 0) {
            int ignored = foreign;
            LOG.warning(() -> ignored + " record(s) in " + log.path() + " belong to another journal than this"
                    + " database (it was deleted and made anew?); they were ignored");
        }
        int recovered = writeBehind.pending.size();
        writeBehind.anyPending = recovered > 0;
        writeBehind.nextSeq = newest + 1;
        writeBehind.store(connection);
        if (recovered > 0) {
            LOG.info(() -> recovered + " read(s) recorded in " + log.path() + " by a server that stopped before"
                    + " writing them into the database are in it now");
        }
        if (contents.unreadable() > 0) {
            LOG.info(() -> "The last " + contents.unreadable() + " byte(s) of " + log.path() + " were a record"
                    + " cut short when the server stopped; its hands were never sent and are read again");
        }
        log.clear();
        return writeBehind;
    }

    /** Appends a read to the log: once this returns, its hands may be broadcast. Returns its newest event id. */
    long record(String file, FilePosition position, Collection<JournalEntry> entries) throws IOException {
        LoggedCommit commit = new LoggedCommit(streamId, nextSeq, file, position, List.copyOf(entries));
        log.append(commit);
        nextSeq++;
        pending.add(commit);
        anyPending = true;
        return commit.newestEventId();
    }

    /** True while some recorded read is not yet in the database; read without the journal's lock. */
    boolean hasPending() {
        return anyPending;
    }

    /**
     * Writes the recorded reads into the database in one transaction; on failure the caller rolls back and they
     * stay pending (and in the log, which the next start reads).
     */
    void store(Connection connection) throws SQLException, IOException {
        if (pending.isEmpty()) {
            return;
        }
        for (LoggedCommit commit : pending) {
            HandRows.insert(connection, commit.file(), commit.position(), commit.entries());
        }
        JournalSchema.Meta.write(connection, STORED_THROUGH, Long.toString(pending.get(pending.size() - 1).seq()));
        connection.commit();
        pending.clear();
        anyPending = false;
        if (log.size() > CLEAR_AT) {
            log.clear();
        }
    }

    /** Closes the log, emptied when everything in it is stored: only a killed server leaves records in it. */
    @Override
    public void close() throws IOException {
        try {
            if (pending.isEmpty()) {
                log.clear();
            }
        } finally {
            log.close();
        }
    }
}
