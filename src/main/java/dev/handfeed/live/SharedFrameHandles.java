package dev.handfeed.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * How a frame built once reaches a Tyrus connection: its protocol handler's send of raw frame bytes with a
 * completion, the one {@code sendRawFrame} uses without one. None of it is public API, so it is read from Tyrus's
 * classes by name and checked before use: the completion Tyrus wraps a {@code SendHandler} in must report success
 * and failure to it. When anything differs (another Tyrus), frames stay Tyrus's own and the log says so.
 */
record SharedFrameHandles(MethodHandle protocolHandler, MethodHandle lock, MethodHandle checkConnected,
                          MethodHandle completion, MethodHandle send) {

    private static final Logger LOG = Logger.getLogger(SharedFrameHandles.class.getName());
    private static final String COMPLETION = "org.glassfish.tyrus.spi.CompletionHandler";

    /** The handles bound to one connection's web socket. */
    TyrusTransport.SharedFrames of(Object webSocket, Function<Object, GrizzlyWrites.Target> grizzly) throws Throwable {
        Object handler = (Object) protocolHandler.invokeExact(webSocket);
        return new TyrusTransport.SharedFrames(handler, (Lock) (Object) lock.invokeExact(handler), checkConnected,
                completion, send, grizzly.apply(handler));
    }

    static Optional<SharedFrameHandles> resolve(Class<?> webSocket, Class<?> writerInfo) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Field handlerField = webSocket.getDeclaredField("protocolHandler");
            handlerField.setAccessible(true);
            Class<?> handler = handlerField.getType();
            Field lockField = handler.getDeclaredField("lock");
            lockField.setAccessible(true);
            Method check = webSocket.getDeclaredMethod("checkConnectedState");
            check.setAccessible(true);
            Class<?> completionType = Class.forName(COMPLETION, true, handler.getClassLoader());
            Method send = handler.getDeclaredMethod("send", ByteBuffer.class, completionType, writerInfo,
                    Boolean.class);
            send.setAccessible(true);
            MethodHandle completion = lookup.unreflectConstructor(completionOf(handler, completionType))
                    .asType(MethodType.methodType(Object.class, Object.class, SendHandler.class));
            verify(completion, completionType);
            return Optional.of(new SharedFrameHandles(
                    lookup.unreflectGetter(handlerField).asType(MethodType.methodType(Object.class, Object.class)),
                    lookup.unreflectGetter(lockField).asType(MethodType.methodType(Object.class, Object.class)),
                    lookup.unreflect(check).asType(MethodType.methodType(void.class, Object.class)),
                    completion,
                    lookup.unreflect(send).asType(MethodType.methodType(Object.class, Object.class, ByteBuffer.class,
                            Object.class, Object.class, Boolean.class))));
        } catch (Throwable e) {
            LOG.info(() -> "Broadcast messages are framed by Tyrus for each client (its raw send is not as"
                    + " expected: " + e + ")");
            return Optional.empty();
        }
    }

    /** The protocol handler's own wrapper of a {@code SendHandler}: (ProtocolHandler, SendHandler). */
    private static Constructor<?> completionOf(Class<?> handler, Class<?> completionType)
            throws ClassNotFoundException, NoSuchMethodException {
        for (int i = 1; i <= 20; i++) {
            Class<?> candidate;
            try {
                candidate = Class.forName(handler.getName() + "$" + i, false, handler.getClassLoader());
            } catch (ClassNotFoundException e) {
                continue;
            }
            if (candidate.getSuperclass() == completionType) {
                try {
                    Constructor<?> constructor = candidate.getDeclaredConstructor(handler, SendHandler.class);
                    constructor.setAccessible(true);
                    return constructor;
                } catch (NoSuchMethodException e) {
                    // another completion of the handler's: go on looking
                }
            }
        }
        throw new ClassNotFoundException("no completion wrapping a SendHandler in " + handler.getName());
    }

    /** The wrapper must report a completed send as OK and a failed one with its cause. */
    private static void verify(MethodHandle completion, Class<?> completionType) throws Throwable {
        AtomicReference<SendResult> result = new AtomicReference<>();
        Object wrapped = (Object) completion.invokeExact((Object) null, (SendHandler) result::set);
        completionType.getMethod("completed", Object.class).invoke(wrapped, (Object) null);
        if (result.get() == null || !result.get().isOK()) {
            throw new IllegalStateException("its completion does not report success");
        }
        IllegalStateException cause = new IllegalStateException("check");
        completionType.getMethod("failed", Throwable.class).invoke(wrapped, cause);
        if (result.get().isOK() || result.get().getException() != cause) {
            throw new IllegalStateException("its completion does not report failure");
        }
    }
}
