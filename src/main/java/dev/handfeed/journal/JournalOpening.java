package dev.handfeed.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** How a {@link Journal} is opened: the embedded one in its data folder, with its log, or a shared one in PostgreSQL. */
final class JournalOpening {

    private static final Logger LOG = Logger.getLogger(Journal.class.getName()); // the journal's own log lines

    private JournalOpening() {
    }

    /**
     * Opens (creating or upgrading when needed) the journal in {@code dataDir}, and writes in what its log holds
     * beyond the database. WRITE_DELAY=0 hands every commit to the operating system at once, so that the log can
     * be emptied once its records are in the database; the file lock refuses a second server on the same folder.
     */
    static Journal embedded(Path dataDir) {
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
            LOG.info(() -> "Journal " + journal.location() + " opened: stream " + journal.streamId() + ", last event id "
                    + journal.lastEventId() + ", events up to " + journal.events().purgedThrough() + " purged, "
                    + journal.knownHands() + " hand id(s) known");
            return journal;
        } catch (SQLException | IOException e) {
            H2.closeQuietly(connection);
            H2.closeQuietly(log);
            throw new JournalException("Cannot open the journal " + base + ".mv.db (is another handfeed using "
                    + dataDir + "?): " + e.getMessage(), e);
        }
    }

    /**
     * Opens (creating or upgrading when needed) a journal that several nodes share, in PostgreSQL: event ids come
     * from the database, in commit order, and every commit with events wakes the nodes' followers.
     */
    static Journal shared(DataSource source, String location) {
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
            LOG.info(() -> "Shared journal " + location + " opened: stream " + journal.streamId() + ", newest event id "
                    + journal.lastEventId());
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
}
