package dev.handfeed.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Chooses each client's {@link Transport}: Tyrus's web socket directly where the container is Payara's Tyrus and
 * {@code DIRECT_SEND} is on, the standard remote endpoint everywhere else. Tyrus's classes are the server's, not
 * ours, so they are found by name from the session's own objects, once per remote endpoint class; if anything
 * there is not as expected (another Tyrus version), the portable path is used and the log says why.
 */
final class Transports {

    private static final Logger LOG = Logger.getLogger(Transports.class.getName());
    private static final String REMOTE = "org.glassfish.tyrus.core.TyrusRemoteEndpoint";
    private static final String WRITER_INFO = "org.glassfish.tyrus.spi.WriterInfo";

    /** What the direct path needs, read once from Tyrus's classes; {@code frames} empty when shared frames are not. */
    private record Handles(MethodHandle webSocket, MethodHandle sendText, MethodHandle sendPing, Object textInfo,
                           Optional<SharedFrameHandles> frames) {
    }

    static final String DIRECT = "tyrus-direct";
    static final String STANDARD = "standard";

    private final boolean direct;
    private final Consumer<String> chosen;
    private final ConcurrentMap<Class<?>, Optional<Handles>> byClass = new ConcurrentHashMap<>();
    private volatile boolean sharedFrames;
    private final GrizzlyConnections grizzly = new GrizzlyConnections();

    /** {@code chosen} learns each path taken ({@link #DIRECT} or {@link #STANDARD}), once. */
    Transports(boolean direct, Consumer<String> chosen) {
        this.direct = direct;
        this.chosen = chosen;
        if (!direct) {
            LOG.info("Frames go through the standard WebSocket remote endpoint (DIRECT_SEND=false)");
            chosen.accept(STANDARD);
        }
    }

    Transport of(Session session) {
        if (!direct) {
            return new PortableTransport(session);
        }
        Object remote = session.getAsyncRemote();
        Optional<Handles> handles = byClass.computeIfAbsent(remote.getClass(), this::choose);
        if (handles.isEmpty()) {
            return new PortableTransport(session);
        }
        try {
            Handles h = handles.get();
            Object webSocket = (Object) h.webSocket().invokeExact(remote);
            // Read for every connection, so that the first one shows whether Grizzly's connection is reachable.
            TyrusTransport.SharedFrames shared = h.frames().isEmpty() ? null : h.frames().get().of(webSocket,
                    grizzly::of);
            // A negotiated extension (permessage-deflate) transforms each data frame: those connections get Tyrus's
            // own for messages, and frames built here only for pings, which no extension touches.
            return new TyrusTransport(webSocket, h.sendText(), h.sendPing(), h.textInfo(), shared,
                    session.getNegotiatedExtensions().isEmpty());
        } catch (Throwable e) {
            LOG.warning(() -> "Cannot reach Tyrus's web socket of session " + session.getId()
                    + "; using the standard remote endpoint for it: " + e);
            return new PortableTransport(session);
        }
    }

    /** Whether the last connection's frames built once would be written to the container's connection directly. */
    boolean connectionWrites() {
        return grizzly.used();
    }

    /** Whether broadcast messages go as one frame built once for all (to connections without compression). */
    boolean sharedFrames() {
        return sharedFrames;
    }

    private Optional<Handles> choose(Class<?> remoteClass) {
        Optional<Handles> handles = resolve(remoteClass);
        sharedFrames = handles.flatMap(Handles::frames).isPresent();
        chosen.accept(handles.isPresent() ? DIRECT : STANDARD);
        return handles;
    }

    private static Optional<Handles> resolve(Class<?> remoteClass) {
        Class<?> c = remoteClass;
        while (c != null && !c.getName().equals(REMOTE)) {
            c = c.getSuperclass();
        }
        if (c == null) {
            LOG.info(() -> "Frames go through the standard WebSocket remote endpoint (" + remoteClass.getName()
                    + " is not Tyrus's)");
            return Optional.empty();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Field field = c.getDeclaredField("webSocket");
            field.setAccessible(true);
            Class<?> socket = field.getType();
            Class<?> info = Class.forName(WRITER_INFO, true, socket.getClassLoader());
            Class<?> messageType = Class.forName(WRITER_INFO + "$MessageType", true, socket.getClassLoader());
            Class<?> endpointType = Class.forName(WRITER_INFO + "$RemoteEndpointType", true, socket.getClassLoader());
            Object textInfo = info.getConstructor(messageType, endpointType)
                    .newInstance(enumValue(messageType, "TEXT"), enumValue(endpointType, "ASYNC"));
            Handles handles = new Handles(
                    lookup.unreflectGetter(field).asType(MethodType.methodType(Object.class, Object.class)),
                    lookup.unreflect(socket.getMethod("sendText", String.class, SendHandler.class, info))
                            .asType(MethodType.methodType(void.class, Object.class, String.class, SendHandler.class,
                                    Object.class)),
                    lookup.unreflect(socket.getMethod("sendPing", byte[].class))
                            .asType(MethodType.methodType(Object.class, Object.class, byte[].class)),
                    textInfo, SharedFrameHandles.resolve(socket, info));
            LOG.info(() -> "Frames go to Tyrus's web socket directly (" + socket.getName() + "), without a timer task"
                    + " per frame" + (handles.frames().isPresent() ? ", broadcast messages framed once for all" : "")
                    + "; DIRECT_SEND=false uses the standard remote endpoint");
            return Optional.of(handles);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warning(() -> "Tyrus is not as expected (" + e + "); frames go through the standard WebSocket"
                    + " remote endpoint");
            return Optional.empty();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }
}
