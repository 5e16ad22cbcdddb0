package dev.handfeed.journal;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The sequence that numbers events when several nodes publish into one journal (see {@link SharedIds}), starting
 * after every id ever given, purged ones included; and an index for the retention's age cut. The embedded journal
 * keeps numbering in memory, as its only writer always did, and carries the sequence unused.
 */
final class V4__Shared_event_ids extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        long start;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT GREATEST((SELECT COALESCE(MAX(event_id), 0) FROM hands),"
                     + " (SELECT COALESCE(MAX(event_id), 0) FROM events),"
                     + " (SELECT COALESCE(MAX(event_id), 0) FROM summary_entries))")) {
            rs.next();
            start = rs.getLong(1);
        }
        start = Math.max(start, Long.parseLong(JournalSchema.Meta.read(c, "purged_through").orElse("0"))) + 1;
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SEQUENCE event_ids START WITH " + start);
            s.execute("CREATE INDEX events_detected_at ON events (detected_at)");
        }
        JournalSchema.Meta.write(c, "schema_version", "4");
    }
}
