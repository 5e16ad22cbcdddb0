package dev.handfeed.stats;

import dev.handfeed.cluster.ClusterNode;
import dev.handfeed.heartbeat.HeartbeatTimer;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.live.ClientRegistry;
import dev.handfeed.live.LiveCounters;
import dev.handfeed.replay.ReplayCounters;
import dev.handfeed.replay.ReplayService;
import dev.handfeed.watcher.HistoryWatcher;
import dev.handfeed.watcher.WatcherStatus;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.ReplayGap;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Optional;

/** Live readings of the feed, written by the application's own codec so the names are snake_case everywhere. */
@Path("/ws/stats")
@RequestScoped
public class StatsResource {

    @Inject
    ClientRegistry registry;

    @Inject
    Broadcaster broadcaster;

    @Inject
    HeartbeatTimer heartbeat;

    @Inject
    HistoryWatcher watcher;

    @Inject
    JsonCodec codec;

    @Inject
    JournalAccess journals;

    @Inject
    ReplayService replays;

    @Inject
    ClusterNode node;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String stats() {
        LiveCounters c = registry.counters();
        WatcherStatus w = watcher.status();
        Runtime runtime = Runtime.getRuntime();
        Optional<Journal> journal = journals.current();
        ReplayCounters r = replays.counters();
        return codec.toJson(new Stats(
                registry.size(),
                heartbeat.intervalSeconds(),
                heartbeat.isActive(),
                broadcaster.isActive(),
                broadcaster.queueSize(),
                c.opened(), c.closed(), c.sent(), c.dropped(), c.eventsDropped(),
                c.slowDisconnects(), c.deadPeerDisconnects(), c.errorsSent(), c.rejectedOrigins(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000,
                runtime.totalMemory() - runtime.freeMemory(),
                w.active(), w.watchedPaths(), w.handsDetected(), w.handsBroadcast(), w.parseErrors(),
                w.duplicatesSkipped(), w.historySkipped(), w.lastHandAt(), w.restarts(),
                journal.map(Journal::streamId).orElse(null), journal.map(Journal::lastEventId).orElse(0L),
                r.completed(), r.failed(), Arrays.stream(ReplayGap.Reason.values()).mapToLong(r::gaps).sum(),
                r.eventsReplayed(), w.summaryParseErrors(), w.tournamentResults(),
                node.id(), node.role().wire(), node.lag()));
    }
}
