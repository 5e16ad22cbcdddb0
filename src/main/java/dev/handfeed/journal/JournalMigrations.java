package dev.handfeed.journal;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.internal.resource.NoopResourceProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;

/**
 * Creates and upgrades the journal's schema with Flyway, the same versioned schema on H2 and PostgreSQL. The
 * migrations are classes handed to Flyway, not files it finds by scanning the class path: scanning a WAR differs
 * from server to server. An H2 journal from before Flyway (it kept its version in {@code meta}) is first brought to
 * version 3 by the code that always did it, then baselined at 3: its rows stay where they are.
 */
final class JournalMigrations {

    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final String LEGACY_VERSION = "3";
    private static final Logger LOG = Logger.getLogger(JournalMigrations.class.getName());

    private JournalMigrations() {
    }

    static void apply(DataSource source) throws SQLException {
        boolean legacy;
        try (Connection c = source.getConnection()) {
            c.setAutoCommit(false);
            legacy = Dialect.of(c) == Dialect.H2 && hasTable(c, "meta") && !hasTable(c, HISTORY_TABLE);
            if (legacy) {
                JournalSchema.createOrUpgrade(c);
                c.commit();
            }
        }
        Flyway flyway = Flyway.configure(JournalMigrations.class.getClassLoader())
                .dataSource(source)
                .table(HISTORY_TABLE)
                .resourceProvider(NoopResourceProvider.INSTANCE)
                .javaMigrationClassProvider(List::of)
                .javaMigrations(new V3__Journal(), new V4__Shared_event_ids())
                .baselineVersion(LEGACY_VERSION)
                .baselineDescription("journal of schema version 3, from before migrations")
                .load();
        if (legacy) {
            flyway.baseline();
            LOG.info("Journal from before schema migrations: recorded as version " + LEGACY_VERSION);
        }
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info(() -> "Journal schema migrated to version " + result.targetSchemaVersion);
        }
    }

    static boolean hasTable(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_name) = ? AND LOWER(table_schema) = LOWER(CURRENT_SCHEMA)")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
