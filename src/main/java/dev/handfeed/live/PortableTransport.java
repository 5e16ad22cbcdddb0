package dev.handfeed.live;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The standard path, through {@code Session.getAsyncRemote()}: every Jakarta WebSocket container has it. */
final class PortableTransport implements Transport {

    /**
     * Payara's Tyrus reschedules its idle-timeout task on the managed scheduled executor for every frame sent through
     * the remote endpoint, and Payara captures that task's context by scanning the thread's context class loader for
     * service files: through every jar of the server, about 0.1 ms a frame. With the platform loader as context
     * loader the scan is a lookup in the JDK image. The idle-timeout task needs no application class.
     */
    private static final ClassLoader SEND_CONTEXT = ClassLoader.getPlatformClassLoader();

    /** One frame handed to the remote endpoint. */
    @FunctionalInterface
    private interface Send {
        void to(RemoteEndpoint.Async remote) throws IOException;
    }

    private final Session session;

    PortableTransport(Session session) {
        this.session = session;
    }

    @Override
    public void text(String text, SendHandler done) throws IOException {
        send(remote -> remote.sendText(text, done));
    }

    @Override
    public void ping(byte[] payload, SendHandler done) throws IOException {
        send(remote -> remote.sendPing(ByteBuffer.wrap(payload)));
        done.onResult(new SendResult());
    }

    private void send(Send frame) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(SEND_CONTEXT);
        try {
            frame.to(session.getAsyncRemote());
        } finally {
            thread.setContextClassLoader(context);
        }
    }
}
