package dev.handfeed.heartbeat;

import dev.handfeed.config.Settings;
import dev.handfeed.live.Broadcaster;
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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class HeartbeatTimer {

    private static final String TIMER_INFO = "handfeed heartbeat";
    private static final Logger LOG = Logger.getLogger(HeartbeatTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    Broadcaster broadcaster;

    @PostConstruct
    void start() {
        long interval = TimeUnit.SECONDS.toMillis(settings.heartbeatSeconds());
        timers.createIntervalTimer(interval, interval, new TimerConfig(TIMER_INFO, false));
        LOG.info(() -> "Heartbeat every " + settings.heartbeatSeconds() + " s");
    }

    /** Every heartbeat leaves each client a message to confirm, so the ping that follows also finds dead peers. */
    @Timeout
    void beat(Timer timer) {
        broadcaster.offer(new Heartbeat(Instant.now()));
    }

    /** True only while the timer exists in the container, not merely because it was created once. */
    public boolean isActive() {
        return timers.getTimers().stream().anyMatch(t -> TIMER_INFO.equals(t.getInfo()));
    }

    public int intervalSeconds() {
        return settings.heartbeatSeconds();
    }
}
