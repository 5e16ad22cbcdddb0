package dev.handfeed.stats;

import dev.handfeed.cluster.ClusterNode;
import dev.handfeed.cluster.NodeRole;
import dev.handfeed.heartbeat.HeartbeatTimer;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.watcher.HistoryWatcher;
import dev.handfeed.watcher.WatcherStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.function.Function;

/**
 * The parts of the server and whether each works: read by {@code /health}, by the server's own health, and by
 * Prometheus as {@code handfeed_health_up{check}} (1 or 0), so that an alert can fire when hands stop flowing.
 */
@ApplicationScoped
public class HealthChecks {

    @Inject
    Broadcaster broadcaster;

    @Inject
    HeartbeatTimer heartbeat;

    @Inject
    HistoryWatcher watcher;

    @Inject
    MeterRegistry meters;

    @Inject
    ClusterNode node;

    /** Created with the application, so that the gauges are there from the first scrape. */
    void created(@Observes @Initialized(ApplicationScoped.class) Object application) {
        // the observer's only job is to make CDI create this bean now
    }

    @PostConstruct
    void registerGauges() {
        gauge("broadcast", HealthChecks::broadcast);
        gauge("heartbeat", HealthChecks::heartbeat);
        gauge("watcher", HealthChecks::watcher);
    }

    private void gauge(String check, Function<HealthChecks, Health.Check> read) {
        Gauge.builder("handfeed.health.up", this, checks -> read.apply(checks).up() ? 1 : 0).tag("check", check)
                .description("1 while this part of the server works, 0 when /health reports it DOWN").register(meters);
    }

    public List<Health.Check> all() {
        return List.of(broadcast(), heartbeat(), watcher());
    }

    public Health.Check broadcast() {
        boolean up = broadcaster.isActive();
        return new Health.Check("broadcast", up, up ? "worker running" : "broadcast worker is not running");
    }

    public Health.Check heartbeat() {
        boolean up = heartbeat.isActive();
        return new Health.Check("heartbeat", up, up ? "timer scheduled" : "heartbeat timer does not exist");
    }

    public Health.Check watcher() {
        WatcherStatus status = watcher.status();
        List<String> problems = status.problems();
        if (!problems.isEmpty()) {
            return new Health.Check("watcher", false, String.join("; ", problems));
        }
        if (!status.active() && node.role() != NodeRole.TAILER) {
            return new Health.Check("watcher", true, node.role() == NodeRole.STANDBY
                    ? "standby: another node tails the folders" : "serving only (WATCH=false)");
        }
        if (!status.active()) {
            return new Health.Check("watcher", false, "history watcher is not running");
        }
        return new Health.Check("watcher", true, "watching " + String.join(", ", status.watchedPaths()));
    }
}
