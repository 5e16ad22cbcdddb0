package dev.handfeed.live;

import dev.handfeed.config.Settings;
import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.WireMessage;
import io.micrometer.core.instrument.Gauge;
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

import java.util.Map;
import java.util.function.ObjIntConsumer;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * The event queues and their workers. Producers serialise a message once and queue it in every lane that has
 * clients ({@link Lanes}); each lane's worker, on the container's executor, hands it to its clients' own buffers (see
 * {@link FanOutLane}). Queues are bounded: a heartbeat that finds one full is dropped (the next one follows), a hand
 * waits for room so that none is lost.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing here is transactional: no JTA per call
public class Broadcaster {

    private static final Logger LOG = Logger.getLogger(Broadcaster.class.getName());

    @Inject
    Settings settings;

    @Inject
    ClientRegistry registry;

    @Inject
    JsonCodec codec;

    @Resource
    ManagedExecutorService executor;

    @Inject
    MeterRegistry meters;

    private Lanes lanes;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        int count = settings.broadcastThreads();
        LiveCounters counters = registry.counters();
        ObjIntConsumer<Encoded> toLane = registry.laneSender();
        lanes = new Lanes(IntStream.range(0, count)
                .mapToObj(i -> new FanOutLane(i, settings.broadcastQueueCapacity(), m -> {
                    long start = System.nanoTime();
                    toLane.accept(m, i);
                    counters.broadcastTook(System.nanoTime() - start);
                }))
                .toList(), registry.laneOccupied());
        Gauge.builder("handfeed.broadcast.queue.depth", this, Broadcaster::queueSize)
                .description("Events waiting for the broadcast workers, in the fullest lane").register(meters);
        ensureRunning();
        LOG.info(() -> "Broadcasting on " + count + " lane(s)");
    }

    /** Queues a message unless a queue is full; returns false (and counts the drop) when it is. */
    public boolean offer(WireMessage message) {
        boolean queued = lanes.offer(codec.encode(message));
        if (!queued) {
            registry.counters().eventDropped();
            LOG.warning(() -> "Broadcast queue full (" + queueSize() + "): dropped a "
                    + message.type() + " for some clients");
        }
        return queued;
    }

    /**
     * Queues a message already encoded, waiting for room: for events that must not be lost. The first idle lane
     * with clients is served on the caller's thread (see {@link Lanes#publish}).
     */
    public void publish(Encoded message) throws InterruptedException {
        lanes.publish(message);
    }

    /**
     * {@link #publish} bound to this bean, for the watcher to call once per event without the container's
     * interception: the proxy's call took as long as the hand's send to its first client (profiled at 10 hands/s),
     * and this bean needs nothing of it (bean-managed concurrency, no transactions, no security).
     */
    public Publisher publisher() {
        return this::publish;
    }

    /** Events waiting, in the fullest lane. */
    public int queueSize() {
        return lanes.queueSize();
    }

    /** True while an event or heartbeat is queued or being sent in some lane. */
    public boolean isBusy() {
        return lanes.isBusy();
    }

    /** True while every lane has its worker running. */
    public boolean isActive() {
        return lanes.isActive();
    }

    /** Starts lane workers that are not running: at start-up, then as a watchdog. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "handfeed broadcast watchdog")
    public synchronized void ensureRunning() {
        if (stopping) {
            return;
        }
        for (FanOutLane lane : lanes.all()) {
            if (lane.needsWorker()) {
                Runnable task = ManagedExecutors.managedTask(lane::drain,
                        Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, "handfeed-broadcast"),
                        null);
                lane.worker(executor.submit(task));
            }
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        lanes.all().forEach(FanOutLane::cancel);
    }
}
