package dev.handfeed.cluster;

import dev.handfeed.config.ClusterSettings;
import dev.handfeed.config.Settings;
import dev.handfeed.journal.DriverSource;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.StoredEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * This node: its id and role, the journal it opens (embedded H2, or PostgreSQL shared with other nodes), its
 * follower of the shared journal and how far behind it is. The watcher drives it; {@code /health}, {@code /ws/stats}
 * and {@code /metrics} read it.
 */
@ApplicationScoped
public class ClusterNode {

    /** How often a follower reads the table when no notification came: the safety net's period. */
    static final int POLL_MILLIS = 500;

    @Inject
    Settings settings;

    @Inject
    ClusterSettings cluster;

    @Inject
    MeterRegistry meters;

    private String id;
    private volatile DataSource source;
    private volatile NodeRole role;
    private volatile long delivered = -1;
    private volatile long newest;
    private volatile Journal local; // an embedded journal: its newest event is what this node delivered

    @PostConstruct
    void init() {
        id = cluster.nodeId().orElseGet(ClusterNode::defaultId);
        role = cluster.watch() ? NodeRole.TAILER : NodeRole.SERVING;
        Gauge.builder("handfeed.node.lag.events", this, ClusterNode::lag).description("Events in the journal that"
                + " this node has not delivered yet (newest event id in the database minus the newest delivered)")
                .register(meters);
        for (NodeRole r : NodeRole.values()) {
            // The node's id is not a label (an open set): Prometheus's instance label tells nodes apart.
            Gauge.builder("handfeed.node.role", this, node -> node.role == r ? 1 : 0).tag("role", r.wire())
                    .description("1 for what this node does now: tailer, standby or serving")
                    .register(meters);
        }
    }

    private static String defaultId() {
        return host() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The journal of the settings: PostgreSQL with JOURNAL_URL or JOURNAL_DATASOURCE, else H2 in the data folder. */
    public Journal openJournal() {
        if (!cluster.sharedJournal()) {
            return Journal.open(settings.dataDir());
        }
        return Journal.openShared(source(), cluster.journalName());
    }

    private DataSource source() {
        if (source == null) {
            if (cluster.journalDatasource().isPresent()) {
                try {
                    source = (DataSource) new InitialContext().lookup(cluster.journalDatasource().get());
                } catch (NamingException | ClassCastException e) {
                    throw new IllegalStateException("JOURNAL_DATASOURCE " + cluster.journalDatasource().get()
                            + " is not a DataSource the server knows: " + e.getMessage(), e);
                }
            } else {
                source = DriverSource.postgres(cluster.journalUrl().get(), cluster.journalUser().orElse(null),
                        cluster.journalPassword().orElse(null));
            }
        }
        return source;
    }

    /**
     * Starts delivering a shared journal's events through {@code publish} on {@code executor}; on an embedded
     * journal nothing runs (the watcher broadcasts after each commit, as ever).
     */
    public Membership join(Journal journal, Executor executor, Consumer<StoredEvent> publish) {
        if (!journal.shared()) {
            local = journal;
            return Membership.single(this);
        }
        EventFollower follower = new EventFollower(source(), journal, this, publish, POLL_MILLIS);
        executor.execute(follower);
        return new Membership(this, source(), follower);
    }

    /** False for {@code WATCH=false}: the node tails no folder. */
    public boolean watches() {
        return cluster.watch();
    }

    /**
     * The watch group: {@code WATCH_GROUP}, else this host's name and the watched folders' paths. The host is part
     * of the default because two players' machines may well have their folders at the same path: they must not
     * take turns. Machines that share one folder say so with the same {@code WATCH_GROUP}.
     */
    public String watchGroup(java.util.function.Supplier<String> folders) {
        return cluster.watchGroup().orElseGet(() -> host() + ":" + folders.get());
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    long startFrom(long journalNewest) {
        if (delivered < 0) {
            delivered = journalNewest; // the first start: clients resume the older ones from the table
        }
        return delivered;
    }

    void delivered(long eventId) {
        delivered = eventId;
    }

    void newest(long eventId) {
        newest = Math.max(newest, eventId);
    }

    long newest() {
        return newest;
    }

    void role(NodeRole now) {
        role = now;
    }

    public String id() {
        return id;
    }

    public NodeRole role() {
        return role;
    }

    public long lag() {
        return delivered < 0 ? 0 : Math.max(0, newest - delivered);
    }

    public NodeView view() {
        if (!cluster.sharedJournal()) {
            long last = local == null ? 0 : local.lastEventId();
            return new NodeView(id, role.wire(), 0, last, last, false);
        }
        return new NodeView(id, role.wire(), lag(), Math.max(0, delivered), newest, true);
    }
}
