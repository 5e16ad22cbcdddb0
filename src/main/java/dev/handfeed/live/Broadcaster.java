package dev.handfeed.live;

import dev.handfeed.config.Settings;
import dev.handfeed.wire.JsonCodec;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedExecutors;
import jakarta.enterprise.concurrent.ManagedTask;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The event queue and its worker. Producers serialise a message once and queue the text; one worker on the
 * container's executor hands it to every client's own buffer. The queue is bounded: a heartbeat that finds it full
 * is dropped (the next one follows), a hand waits for room so that none is lost.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
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

    private BlockingQueue<String> queue;
    private volatile Future<?> worker;
    private volatile boolean running;
    private volatile boolean stopping;

    @PostConstruct
    void start() {
        queue = new ArrayBlockingQueue<>(settings.broadcastQueueCapacity());
        ensureRunning();
    }

    /** Queues a message unless the queue is full; returns false (and counts the drop) when it is. */
    public boolean offer(Object message) {
        boolean queued = queue.offer(codec.toJson(message));
        if (!queued) {
            registry.counters().eventsDropped.increment();
            LOG.warning(() -> "Broadcast queue full (" + queue.size() + "): dropped a " + message.getClass().getSimpleName());
        }
        return queued;
    }

    /** Queues a message already written as JSON, waiting for room: for events that must not be lost. */
    public void publishJson(String json) throws InterruptedException {
        queue.put(json);
    }

    public int queueSize() {
        return queue.size();
    }

    public boolean isActive() {
        return running;
    }

    /** Starts the worker if it is not running: at start-up, then as a watchdog. */
    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "handfeed broadcast watchdog")
    public synchronized void ensureRunning() {
        if (stopping || (worker != null && !worker.isDone())) {
            return;
        }
        if (worker != null) {
            LOG.warning("Broadcast worker had stopped; restarting it");
        }
        Runnable task = ManagedExecutors.managedTask(this::drain,
                Map.of(ManagedTask.LONGRUNNING_HINT, "true", ManagedTask.IDENTITY_NAME, "handfeed-broadcast"), null);
        worker = executor.submit(task);
    }

    private void drain() {
        running = true;
        LOG.info("Broadcast worker started");
        try {
            while (!stopping) {
                String text = queue.take();
                try {
                    registry.sendToAll(text);
                } catch (RuntimeException e) {
                    LOG.log(Level.SEVERE, "Broadcast of one event failed; continuing with the next", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            LOG.info(stopping ? "Broadcast worker stopped" : "Broadcast worker ended unexpectedly");
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Future<?> current = worker;
        if (current != null) {
            current.cancel(true);
        }
    }
}
