package dev.handfeed.replay;

import dev.handfeed.config.Settings;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.journal.JournalException;
import dev.handfeed.journal.Purge;
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
import java.util.logging.Logger;

/**
 * Keeps the replay store bounded: every REPLAY_PURGE_INTERVAL_MS, events beyond the newest REPLAY_MAX_EVENTS or
 * older than REPLAY_MAX_AGE_HOURS are deleted, on the timer's thread, never on the path of a hand. Hand ids stay:
 * they are what keeps a rewritten hand from going out twice.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the journal has its own transactions
public class RetentionPurge {

    private static final Logger LOG = Logger.getLogger(RetentionPurge.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Settings settings;

    @Inject
    JournalAccess journals;

    @PostConstruct
    void start() {
        long interval = settings.replayPurgeInterval().toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("handfeed retention", false));
    }

    @Timeout
    void purge(Timer timer) {
        journals.current().ifPresent(journal -> {
            try {
                Purge purge = journal.events().purge(settings.replayMaxEvents(),
                        Instant.now().minus(settings.replayMaxAge()));
                if (purge.deleted() > 0) {
                    LOG.info(() -> "Retention: deleted " + purge.deleted() + " event(s); replays now start after event "
                            + purge.purgedThrough());
                }
            } catch (JournalException e) {
                LOG.warning(() -> "Retention pass failed; the next one tries again: " + e.getMessage());
            }
        });
    }
}
