package dev.handfeed.live;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Logger;

/**
 * Payara's way under a Tyrus connection: the Grizzly connection its servlet writer ends in. Tyrus writes each frame
 * through the servlet output stream: Catalina's buffer, Grizzly's (a fresh 8 KiB heap buffer per frame, the bytes
 * copied in), the HTTP codec that passes them on untouched, then the connection's filter chain to the socket. A
 * frame built once for all is written to the connection itself instead, as a buffer over its own bytes, through
 * the same filter chain (so TLS, where configured, still applies) and the same write queue, in order with what
 * Tyrus writes, since both sides hold Tyrus's send lock. None of this is API: it is read from the classes by name,
 * once, and where anything differs the frames keep Tyrus's raw send.
 */
record GrizzlyWrites(MethodHandle writer, MethodHandle upgradeHandler, MethodHandle webConnection,
                     MethodHandle response, MethodHandle coyoteResponse, MethodHandle request,
                     MethodHandle connection, MethodHandle memoryManager, MethodHandle wrap, MethodHandle write,
                     MethodHandle isOpen, MethodHandle completion) {

    private static final Logger LOG = Logger.getLogger(GrizzlyWrites.class.getName());
    private static final String SERVLET_WRITER = "org.glassfish.tyrus.servlet.TyrusServletWriter";

    /** One connection's Grizzly connection and what writing to it takes. */
    record Target(Object connection, Object memoryManager, GrizzlyWrites handles) {

        /** Writes {@code frames} as they are; {@code done} learns when they reached the socket, or why not. */
        void write(ByteBuffer frames, SendHandler done) throws IOException {
            try {
                if (!(boolean) handles.isOpen.invokeExact(connection)) {
                    throw new IOException("the connection is closed");
                }
                // Read-only, so that Grizzly wraps it as a plain view: a heap buffer over an array of its own could be
                // disposed into the writing thread's buffer pool, and the frame's bytes are every client's.
                Object buffer = (Object) handles.wrap.invokeExact(memoryManager, frames.asReadOnlyBuffer());
                Object handler = (Object) handles.completion.invokeExact(
                        (InvocationHandler) new Completion(done));
                handles.write.invokeExact(connection, buffer, handler);
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IOException("Grizzly write failed: " + e, e);
            }
        }
    }

    /** The connection under one Tyrus protocol handler; empty where it is not a servlet connection of Payara's. */
    Optional<Target> of(Object protocolHandler) throws Throwable {
        Object tyrusWriter = (Object) writer.invokeExact(protocolHandler);
        if (tyrusWriter == null || !tyrusWriter.getClass().getName().equals(SERVLET_WRITER)) {
            return Optional.empty();
        }
        Object wc = (Object) webConnection.invokeExact((Object) upgradeHandler.invokeExact(tyrusWriter));
        Object grizzlyRequest = (Object) request.invokeExact(
                (Object) coyoteResponse.invokeExact((Object) response.invokeExact(wc)));
        Object grizzly = (Object) connection.invokeExact(grizzlyRequest);
        return Optional.of(new Target(grizzly, (Object) memoryManager.invokeExact(grizzly), this));
    }

    /** Reads the handles from the classes of one live connection's objects. */
    static Optional<GrizzlyWrites> resolve(Object protocolHandler) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Field writerField = protocolHandler.getClass().getDeclaredField("writer");
            writerField.setAccessible(true);
            Object tyrusWriter = writerField.get(protocolHandler);
            if (tyrusWriter == null || !tyrusWriter.getClass().getName().equals(SERVLET_WRITER)) {
                throw new IllegalStateException("Tyrus writes through " + (tyrusWriter == null ? "nothing"
                        : tyrusWriter.getClass().getName()));
            }
            Field handlerField = tyrusWriter.getClass().getDeclaredField("tyrusHttpUpgradeHandler");
            handlerField.setAccessible(true);
            Object upgrade = handlerField.get(tyrusWriter);
            Method getWebConnection = upgrade.getClass().getDeclaredMethod("getWebConnection");
            getWebConnection.setAccessible(true);
            Object wc = getWebConnection.invoke(upgrade);
            Field responseField = wc.getClass().getDeclaredField("response");
            responseField.setAccessible(true);
            Object catalina = responseField.get(wc);
            Method getCoyote = catalina.getClass().getMethod("getCoyoteResponse");
            Object coyote = getCoyote.invoke(catalina);
            Method getRequest = coyote.getClass().getMethod("getRequest");
            Object grizzlyRequest = getRequest.invoke(coyote);
            Method getConnection = grizzlyRequest.getClass().getMethod("getConnection");
            Class<?> connectionType = getConnection.getReturnType();
            ClassLoader grizzly = connectionType.getClassLoader();
            Class<?> memoryManagerType = Class.forName("org.glassfish.grizzly.memory.MemoryManager", true, grizzly);
            Class<?> buffers = Class.forName("org.glassfish.grizzly.memory.Buffers", true, grizzly);
            Class<?> handlerType = Class.forName("org.glassfish.grizzly.CompletionHandler", true, grizzly);
            Class<?> proxy = Proxy.newProxyInstance(grizzly, new Class<?>[] {handlerType},
                    new Completion(result -> { })).getClass();
            MethodType objectToObject = MethodType.methodType(Object.class, Object.class);
            LOG.info(() -> "Shared frames are written to Grizzly's connection (" + connectionType.getName()
                    + "), past the servlet output stream");
            return Optional.of(new GrizzlyWrites(
                    lookup.unreflectGetter(writerField).asType(objectToObject),
                    lookup.unreflectGetter(handlerField).asType(objectToObject),
                    lookup.unreflect(getWebConnection).asType(objectToObject),
                    lookup.unreflectGetter(responseField).asType(objectToObject),
                    lookup.unreflect(getCoyote).asType(objectToObject),
                    lookup.unreflect(getRequest).asType(objectToObject),
                    lookup.unreflect(getConnection).asType(objectToObject),
                    lookup.findVirtual(connectionType, "getMemoryManager", MethodType.methodType(memoryManagerType))
                            .asType(objectToObject),
                    lookup.findStatic(buffers, "wrap", MethodType.methodType(
                                    Class.forName("org.glassfish.grizzly.Buffer", true, grizzly), memoryManagerType,
                                    ByteBuffer.class))
                            .asType(MethodType.methodType(Object.class, Object.class, ByteBuffer.class)),
                    lookup.findVirtual(connectionType, "write", MethodType.methodType(void.class, Object.class,
                                    handlerType))
                            .asType(MethodType.methodType(void.class, Object.class, Object.class, Object.class)),
                    lookup.findVirtual(connectionType, "isOpen", MethodType.methodType(boolean.class))
                            .asType(MethodType.methodType(boolean.class, Object.class)),
                    lookup.findConstructor(proxy, MethodType.methodType(void.class, InvocationHandler.class))
                            .asType(MethodType.methodType(Object.class, InvocationHandler.class))));
        } catch (Throwable e) {
            LOG.info(() -> "Shared frames go through Tyrus's servlet writer (Grizzly's connection is not as"
                    + " expected: " + e + ")");
            return Optional.empty();
        }
    }

    /** Grizzly's completion of one write, told to the send's handler. */
    record Completion(SendHandler done) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            switch (method.getName()) {
                case "completed" -> done.onResult(new SendResult());
                case "failed" -> done.onResult(new SendResult((Throwable) args[0]));
                case "cancelled" -> done.onResult(new SendResult(new CancellationException("write cancelled")));
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "toString" -> {
                    return "handfeed write completion";
                }
                default -> {
                    // updated: part of the bytes written; the send is complete only when all are
                }
            }
            return null;
        }
    }
}
