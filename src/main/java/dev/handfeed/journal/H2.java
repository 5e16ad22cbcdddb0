package dev.handfeed.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/** Connections to the journal's embedded H2 database, with the driver the WAR bundles. */
final class H2 {

    private static final Logger LOG = Logger.getLogger(H2.class.getName());

    private H2() {
    }

    static Connection connect(String url) throws SQLException {
        return new org.h2.Driver().connect(url, new Properties());
    }

    static Connection connectUnchecked(String url, String location) {
        try {
            return connect(url);
        } catch (SQLException e) {
            throw new JournalException("Journal " + location + ": cannot connect: " + e.getMessage(), e);
        }
    }

    /** Closes a connection or the journal's log on a way that already fails or ends. */
    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.fine(() -> "Closing a journal's connection or log: " + e.getMessage());
            }
        }
    }
}
