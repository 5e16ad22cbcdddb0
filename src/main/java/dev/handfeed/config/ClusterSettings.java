package dev.handfeed.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The settings of a journal shared by several nodes (docs/cluster.md). Without {@code JOURNAL_URL} or
 * {@code JOURNAL_DATASOURCE} the journal is the embedded H2 one, as ever. Read like {@link Settings}: a bad value
 * stops the deployment with a message naming the setting; the effective values are logged in one line.
 */
@ApplicationScoped
public class ClusterSettings {

    private static final Logger LOG = Logger.getLogger(ClusterSettings.class.getName());

    @Inject
    Config config;

    private Optional<String> journalUrl;
    private Optional<String> journalUser;
    private Optional<String> journalPassword;
    private Optional<String> journalDatasource;
    private boolean watch;
    private Optional<String> watchGroup;
    private Optional<String> nodeId;

    @PostConstruct
    void read() {
        SettingsReader reader = new SettingsReader(name -> config.getOptionalValue(name, String.class));
        journalUrl = reader.optionalText("JOURNAL_URL");
        journalUser = reader.optionalText("JOURNAL_USER");
        journalPassword = reader.optionalText("JOURNAL_PASSWORD");
        journalDatasource = reader.optionalText("JOURNAL_DATASOURCE");
        if (journalUrl.isPresent() && journalDatasource.isPresent()) {
            throw new IllegalArgumentException("Settings JOURNAL_URL and JOURNAL_DATASOURCE name two journals; set one");
        }
        if (journalUrl.isPresent() && !journalUrl.get().startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("Setting JOURNAL_URL must be a jdbc:postgresql: URL, got '"
                    + hidePassword(journalUrl.get()) + "'");
        }
        watch = reader.bool("WATCH", true);
        watchGroup = reader.optionalText("WATCH_GROUP");
        nodeId = reader.optionalText("NODE_ID");
        LOG.info(() -> "handfeed cluster settings: JOURNAL=" + journalName() + " WATCH=" + watch
                + " WATCH_GROUP=" + watchGroup.orElse("(the folders' paths)") + " NODE_ID=" + nodeId.orElse("(auto)"));
    }

    /** A URL may carry {@code password=...}: it is never logged nor shown. */
    private static String hidePassword(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=...");
    }

    /** The shared journal as logs and messages name it: its URL without a password, or its JNDI name. */
    public String journalName() {
        return journalUrl.map(ClusterSettings::hidePassword).or(() -> journalDatasource).orElse("(embedded H2)");
    }

    public Optional<String> journalUrl() { return journalUrl; }
    public Optional<String> journalUser() { return journalUser; }
    public Optional<String> journalPassword() { return journalPassword; }
    public Optional<String> journalDatasource() { return journalDatasource; }
    /** True when the journal is PostgreSQL, shared with other nodes. */
    public boolean sharedJournal() { return journalUrl.isPresent() || journalDatasource.isPresent(); }
    public boolean watch() { return watch; }
    public Optional<String> watchGroup() { return watchGroup; }
    public Optional<String> nodeId() { return nodeId; }
}
