package dev.handfeed.replay;

import dev.handfeed.config.Settings;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.live.Client;
import dev.handfeed.live.ClientRegistry;
import dev.handfeed.live.ResumeRequested;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.ReplayGap;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Starts a client's replay when it resumes: a {@code replay_gap} first when the journal cannot give everything,
 * then the stored events, a window at a time on the replay workers, then {@code replay_complete} and the live feed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class ReplayService {

    private static final Logger LOG = Logger.getLogger(ReplayService.class.getName());

    @Inject
    JournalAccess journals;

    @Inject
    ClientRegistry registry;

    @Inject
    Broadcaster broadcaster;

    @Inject
    JsonCodec codec;

    @Inject
    Settings settings;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MeterRegistry meters;

    private ReplayCounters counters;
    private ReplayEnding ending;
    private ReplayWorkers workers;

    @PostConstruct
    void init() {
        counters = new ReplayCounters(meters);
        ending = new ReplayEnding(registry, codec, counters);
        workers = new ReplayWorkers(settings.replayThreads(), broadcaster::isBusy, ReplayWorkers.MAX_YIELD,
                settings.replayMaxRate(), task -> executor.submit(ManagedExecutors.managedTask(
                task, Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, "handfeed-replay"), null)));
    }

    @PreDestroy
    void stop() {
        workers.stop();
    }

    /** Replay steps waiting for a worker. */
    public int queued() {
        return workers.waiting();
    }

    public ReplayCounters counters() {
        return counters;
    }

    public void resume(@Observes ResumeRequested request) {
        Client client = request.client();
        client.beginReplay();
        if (journals.current().isEmpty()) {
            // The server has just started (or the journal is reopening after a failure): the client keeps holding
            // its live messages, and its replay starts when the journal opens.
            LOG.info(() -> "Client " + client.name() + " (" + client.id() + ") resumes before the journal is open;"
                    + " its replay starts when it opens");
        }
        journals.whenOpen(client::isOpen, journal -> replay(request, journal));
    }

    private void replay(ResumeRequested request, Journal journal) {
        Client client = request.client();
        ReplayPlan plan = ReplayPlan.decide(request.point(), journal.streamId(), journal.resumableThrough(),
                journal.events().purgedThrough());
        if (plan.gap().isPresent()) {
            ReplayGap.Reason reason = plan.gap().get();
            counters.gap(reason);
            LOG.info(() -> "Client " + client.name() + " (" + client.id() + ") resumes after event "
                    + request.point().lastEventId() + ": " + reason.wire());
            client.sendReplayed(codec.toJson(new ReplayGap(reason, request.point().lastEventId(),
                    plan.firstAvailable(), Instant.now())), 0);
        }
        if (!plan.replays()) {
            ending.completed(client, plan.after() + 1, plan.after(), 0);
            return;
        }
        int window = Math.max(1, Math.min(settings.clientBufferMessages() / 2, 1_000));
        workers.start(new Replay(client, journal.events(), plan.after(), window, workers, ending));
    }
}
