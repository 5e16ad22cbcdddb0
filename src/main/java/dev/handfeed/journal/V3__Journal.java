package dev.handfeed.journal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

/**
 * The journal as schema version 3 left it (see {@link JournalSchema} for how it came to be), created at once on a
 * new database. Numbered 3 so that journals from before migrations, baselined at 3, skip it.
 */
final class V3__Journal extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        Dialect d = Dialect.of(c);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE meta (name VARCHAR(512) PRIMARY KEY, val VARCHAR(1024))");
            s.execute("CREATE TABLE files (path VARCHAR(4096) PRIMARY KEY, file_key VARCHAR(512),"
                    + " fingerprint VARCHAR(128), byte_offset BIGINT NOT NULL, line BIGINT NOT NULL)");
            s.execute("CREATE TABLE hands (hand_id VARCHAR(128) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload " + d.clob() + ")");
            s.execute("CREATE TABLE events (event_id BIGINT PRIMARY KEY, type VARCHAR(64) NOT NULL,"
                    + " detected_at TIMESTAMP WITH TIME ZONE NOT NULL, payload " + d.payload() + " NOT NULL)");
            s.execute("CREATE TABLE summary_entries (entry_key VARCHAR(8192) PRIMARY KEY, event_id BIGINT UNIQUE,"
                    + " file VARCHAR(4096), detected_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        }
        JournalSchema.Meta.write(c, "schema_version", "3");
        JournalSchema.Meta.write(c, "stream_id", UUID.randomUUID().toString());
    }
}
