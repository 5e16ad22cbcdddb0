package dev.handfeed.heartbeat;

import dev.handfeed.config.Settings;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.live.Client;
import dev.handfeed.live.ClientRegistry;
import dev.handfeed.live.Disconnect;
import dev.handfeed.wire.Heartbeat;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The heartbeat. A programmatic interval timer rather than {@code @Schedule}: the interval is configuration, and an
 * interval such as 45 s cannot be written as a calendar expression. Non-persistent, so it needs no cluster and
 * does not fire a backlog after a restart.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeartbeatTimer {

    private static final String TIMER_INFO = "handfeed heartbeat";
    private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    Broadcaster broadcaster;

    @Inject
    ClientRegistry registry;

    @PostConstruct
    void start() {
        long interval = TimeUnit.SECONDS.toMillis(settings.heartbeatSeconds());
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER_INFO, false));
        LOG.info(() -> "Heartbeat every " + settings.heartbeatSeconds() + " s");
    }

    @Timeout
    void beat(Timer timer) {
        releaseDeadPeers();
        broadcaster.offer(new Heartbeat(Instant.now()));
    }

    /** True only while the timer exists in the container, not merely because it was created once. */
    public boolean isActive() {
        return timers.getTimers().stream().anyMatch(t -> TIMER_INFO.equals(t.getInfo()));
    }

    public int intervalSeconds() {
        return settings.heartbeatSeconds();
    }

    /**
     * A client that has sent nothing, not even a pong to the pings that follow every heartbeat, for three
     * intervals is gone although no TCP FIN ever came.
     */
    private void releaseDeadPeers() {
        long now = System.nanoTime();
        long deadAfter = TimeUnit.SECONDS.toNanos(3L * settings.heartbeatSeconds());
        for (Client client : registry.clients()) {
            if (client.silentNanos(now) > deadAfter) {
                registry.disconnect(client, Disconnect.DEAD_PEER);
            }
        }
    }
}
