package dev.handfeed.watcher;

import dev.handfeed.config.Settings;
import dev.handfeed.hands.HandParser;
import dev.handfeed.cluster.ClusterNode;
import dev.handfeed.cluster.Membership;
import dev.handfeed.cluster.StoredEvents;
import dev.handfeed.journal.Journal;
import dev.handfeed.journal.StoredEvent;
import dev.handfeed.journal.JournalAccess;
import dev.handfeed.live.Broadcaster;
import dev.handfeed.live.Publisher;
import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.NewHand;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the watch loop on the container's executor and keeps it running: a failure (journal, disk, bug) is logged,
 * shown by {@code /health}, and the loop restarts from the journal after a back-off, losing nothing.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class HistoryWatcher {

    private static final Logger LOG = Logger.getLogger(HistoryWatcher.class.getName());
    private static final String TASK_PROBLEM = "task";
    private static final long STOP_GRACE_SECONDS = 3;

    @Inject
    Settings settings;

    @Inject
    Broadcaster broadcaster;

    @Inject
    JsonCodec codec;

    @Inject
    JournalAccess journals;

    @Inject
    ClusterNode node;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MeterRegistry meters;

    private WatcherStatus status;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final Map<Long, Long> publishedSeen = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Future<?> task;
    private volatile boolean stopping;
    private volatile Publisher publisher;

    @PostConstruct
    void start() {
        status = new WatcherStatus(meters);
        ensureRunning();
    }

    public WatcherStatus status() {
        return status;
    }

    /** Also the watchdog: a task that ended for any reason but shutdown is started again. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "handfeed watcher watchdog")
    public synchronized void ensureRunning() {
        if (stopping || (task != null && !task.isDone())) {
            return;
        }
        if (task != null) {
            LOG.warning("The history watcher task had ended; starting it again");
        }
        task = executor.submit(ManagedExecutors.managedTask(this::supervise,
                Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, "handfeed-watcher"), null));
    }

    private void supervise() {
        publisher = broadcaster.publisher();
        Warmup.run(new HandParser(), codec);
        long backoffMillis = 1_000;
        while (!stopping) {
            try (Journal journal = node.openJournal()) {
                journals.opened(journal);
                try (Membership member = node.join(journal, executor, this::deliverStored)) {
                    if (node.watches()) {
                        tail(journal, member);
                    } else {
                        status.solved(TASK_PROBLEM);
                        member.serve(this::awaitStop);
                    }
                    member.rethrow();
                } finally {
                    journals.closing(journal); // readers let go of it before it closes
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                status.restarted();
                status.problem(TASK_PROBLEM, "watcher failed (" + e.getMessage() + "); restarting in "
                        + backoffMillis + " ms");
                LOG.log(Level.SEVERE, "History watcher failed; restarting in " + backoffMillis + " ms", e);
            } finally {
                status.active(false);
            }
            if (awaitStop(backoffMillis)) {
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 30_000);
        }
    }

    /** Tails the folders once it is this node's turn (at once, but on a shared journal with a standby). */
    private void tail(Journal journal, Membership member) throws Exception {
        String group = node.watchGroup(() -> folders().roots().stream()
                .map(p -> p.toAbsolutePath().normalize().toString()).sorted().reduce((a, b) -> a + "," + b)
                .orElse(""));
        status.solved(TASK_PROBLEM); // waiting as a standby is no failure
        try (Membership.Turn turn = member.awaitTurn(group, this::awaitStop)) {
            if (turn == null) {
                return;
            }
            String hero = settings.heroName().orElse(null);
            // On a shared journal the follower delivers every event, these included: one order for all nodes.
            // It remembers when this node saw them, so that their delivery latency is measured here as ever.
            java.util.function.Consumer<List<Delivery>> deliver = journal.shared() ? this::published : this::deliver;
            HistoryTailer tailer = new HistoryTailer(journal, new HandParser(hero), hero, codec,
                    Clock.systemUTC(), settings.quietPeriod(), deliver, status);
            WatchLoop loop = new WatchLoop(this::folders, tailer, status, settings.rescanInterval(),
                    FileSystems.getDefault());
            // Healthy once the first scan is done: a hand appended before it could be taken for history.
            loop.run(turn.or(() -> stopping || member.failed()), () -> {
                status.active(true);
                status.solved(TASK_PROBLEM);
            });
            if (turn.lost()) {
                throw new IllegalStateException("lost the lock of watch group '" + group + "'");
            }
        }
    }

    private boolean awaitStop(long millis) {
        try {
            return stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private HistoryFolders.Resolution folders() {
        return HistoryFolders.resolve(settings.historyPath(), System.getenv(), System.getProperty("os.name"),
                Path.of(System.getProperty("user.home")), Path.of("").toAbsolutePath());
    }

    /** Events this node published into a shared journal: when it saw them, until its follower delivers them. */
    private void published(List<Delivery> deliveries) {
        if (publishedSeen.size() > 10_000) {
            publishedSeen.clear(); // left by a follower that failed or was faster than this: not measured
        }
        deliveries.forEach(d -> publishedSeen.put(d.message().eventId(), d.seenNanos()));
    }

    /** An event of the shared journal, as this node's follower reads it: broadcast like the watcher's own. */
    private void deliverStored(StoredEvent event) {
        Long seen = publishedSeen.remove(event.eventId());
        deliver(List.of(new Delivery(StoredEvents.decode(codec, event), event.payload(), seen == null ? 0 : seen)));
    }

    /** Events (hands, tournament results) wait for room in the broadcast queue rather than being dropped. */
    private void deliver(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            try {
                publisher.publish(new Encoded(delivery.message(), delivery.json(), delivery.seenNanos()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while queueing " + delivery.message().type()
                        + " event " + delivery.message().eventId(), e);
            }
            if (delivery.message() instanceof NewHand hand) {
                status.handBroadcast(hand, Instant.now());
            } else {
                status.tournamentResult();
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        stopSignal.countDown();
        Future<?> current = task;
        if (current == null) {
            return;
        }
        // The loop sees the flag within a poll and closes the journal itself; an interrupt is the last resort.
        try {
            current.get(STOP_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warning(() -> "The history watcher did not stop within " + STOP_GRACE_SECONDS + " s; interrupting it");
            current.cancel(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            current.cancel(true);
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            LOG.fine(() -> "The history watcher ended with " + e);
        }
    }
}
