package dev.handfeed.live;

import dev.handfeed.config.Settings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Turns the container's idle timeout off for a new connection: liveness is handfeed's own (pings, the send timeout,
 * dead peers).
 * <p>
 * Payara's Tyrus also restarts a session's idle timer for every frame that arrives, pongs included, and when the
 * timeout is set: it schedules a task on the managed scheduled executor even when the timeout is off, and Payara
 * captures that task's context by scanning the reading thread's context class loader (the application's) for
 * service files, through every jar of the server. That was about three quarters of each pong's cost, and the
 * threads that read frames took a third of the server's CPU at 10 000 clients (docs/benchmarks.md). Where
 * {@code DIRECT_SEND} is on and the session is Tyrus's, its scheduler is therefore replaced by a
 * {@link QuietScheduler} first, which leaves out the idle checks that would do nothing. Tyrus's classes are the
 * server's, found by name once; anywhere else, or if they are not as expected, the timeout is only set off.
 */
@ApplicationScoped
public class IdleTimeouts {

    private static final Logger LOG = Logger.getLogger(IdleTimeouts.class.getName());
    private static final String TYRUS_SESSION = "org.glassfish.tyrus.core.TyrusSession";

    /** A Tyrus session's scheduler: read and replaced. */
    private record SchedulerField(MethodHandle get, MethodHandle set) {
    }

    @Inject
    Settings settings;

    @Inject
    MeterRegistry meters;

    private final ConcurrentMap<Class<?>, Optional<SchedulerField>> byClass = new ConcurrentHashMap<>();
    /** Sessions share the container's scheduler, so they share one quiet scheduler too. */
    private volatile QuietScheduler quiet;
    private boolean enabled;

    @PostConstruct
    void start() {
        enabled = settings.directSend();
        Gauge.builder("handfeed.idle.timer.quiet", this, t -> t.quiet == null ? 0 : 1)
                .description("1 once connections' idle timers leave out the container's no-op checks (Payara's Tyrus)")
                .register(meters);
    }

    /** Sets the connection's idle timeout off, quietly where the session is Tyrus's. */
    public void off(Session session) {
        if (enabled) {
            byClass.computeIfAbsent(session.getClass(), IdleTimeouts::resolve)
                    .ifPresent(field -> quiet(session, field));
        }
        session.setMaxIdleTimeout(0);
    }

    private void quiet(Session session, SchedulerField field) {
        try {
            ScheduledExecutorService current = (ScheduledExecutorService) field.get().invokeExact((Object) session);
            if (current == null || current instanceof QuietScheduler) {
                return;
            }
            QuietScheduler shared = quiet;
            if (shared == null || shared.container() != current) {
                shared = new QuietScheduler(current);
                quiet = shared;
            }
            field.set().invokeExact((Object) session, (ScheduledExecutorService) shared);
        } catch (Throwable e) {
            LOG.warning(() -> "Cannot replace the idle timer's scheduler of session " + session.getId() + ": " + e);
        }
    }

    private static Optional<SchedulerField> resolve(Class<?> sessionClass) {
        Class<?> c = sessionClass;
        while (c != null && !c.getName().equals(TYRUS_SESSION)) {
            c = c.getSuperclass();
        }
        if (c == null) {
            return Optional.empty();
        }
        try {
            Field field = c.getDeclaredField("service");
            if (field.getType() != ScheduledExecutorService.class) {
                throw new NoSuchFieldException("service is a " + field.getType().getName());
            }
            field.setAccessible(true);
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SchedulerField handles = new SchedulerField(
                    lookup.unreflectGetter(field).asType(
                            MethodType.methodType(ScheduledExecutorService.class, Object.class)),
                    lookup.unreflectSetter(field).asType(
                            MethodType.methodType(void.class, Object.class, ScheduledExecutorService.class)));
            LOG.info("Tyrus's idle timer is left unscheduled while the idle timeout is off (it was a task and a"
                    + " context capture for every frame that arrived); DIRECT_SEND=false keeps it");
            return Optional.of(handles);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info(() -> "Tyrus's session is not as expected (" + e + "); its idle timer stays as it is");
            return Optional.empty();
        }
    }
}
