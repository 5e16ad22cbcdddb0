package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Lock;

/**
 * Payara's fast path: frames go to Tyrus's web socket itself, past its remote endpoint. The remote endpoint adds
 * nothing we use but an idle-timeout restart per frame; in Payara's Tyrus (2.1.5.payara-p2) that restart schedules
 * a task on the managed scheduled executor even when the idle timeout is off, so every frame cost a context
 * capture, a task and a second thread's wake-up. handfeed watches liveness itself (pings, send timeout), with the
 * container's idle timeout off. Found by {@link Transports}; any other container gets {@link PortableTransport}.
 * <p>
 * A broadcast message goes, where the connection has no extension (no compression), as its one shared frame
 * ({@link Encoded#textFrame()}) to Tyrus's protocol handler, which hands those bytes to the connection as they are:
 * Tyrus would otherwise encode the same text to UTF-8 and frame it again for every client. Where the connection is
 * Payara's servlet one, the bytes go further, to the Grizzly connection under it ({@link GrizzlyWrites}), past the
 * servlet output stream's buffers. Pings take the same way, on every connection that has it, compressed or not: Tyrus
 * would write each through the servlet output stream, a fresh 8 KiB buffer for ten bytes.
 */
final class TyrusTransport implements Transport {

    /** Reaching one connection's protocol handler with frames built here; null where frames must be Tyrus's own. */
    record SharedFrames(Object protocolHandler, Lock lock, MethodHandle checkConnected, MethodHandle completion,
                        MethodHandle send, GrizzlyWrites.Target grizzly) {
    }

    private final Object webSocket;
    private final MethodHandle sendText; // (Object webSocket, String, SendHandler, Object writerInfo) void
    private final MethodHandle sendPing; // (Object webSocket, byte[]) Object
    private final Object textInfo;
    private final SharedFrames shared;
    /** Whether messages may go as frames built here: not where an extension (compression) transforms them. */
    private final boolean messageFrames;

    TyrusTransport(Object webSocket, MethodHandle sendText, MethodHandle sendPing, Object textInfo,
                   SharedFrames shared, boolean messageFrames) {
        this.webSocket = webSocket;
        this.sendText = sendText;
        this.sendPing = sendPing;
        this.textInfo = textInfo;
        this.shared = shared;
        this.messageFrames = shared != null && messageFrames;
    }

    @Override
    public void text(String text, SendHandler done) throws IOException {
        try {
            sendText.invokeExact(webSocket, text, done, textInfo);
        } catch (Throwable e) {
            throw failure("send", e);
        }
    }

    @Override
    public void message(Encoded message, SendHandler done) throws IOException {
        if (!messageFrames) {
            text(message.json(), done);
        } else {
            // A view of its own per connection: the writer may queue it, and reads it from its own position.
            frames(ByteBuffer.wrap(message.textFrame()), done);
        }
    }

    @Override
    public boolean takesFrames() {
        return messageFrames;
    }

    @Override
    public void frames(ByteBuffer frames, SendHandler done) throws IOException {
        if (!messageFrames) {
            throw new UnsupportedOperationException("this connection frames every message itself");
        }
        write(frames, done);
    }

    private void write(ByteBuffer frames, SendHandler done) throws IOException {
        try {
            shared.checkConnected().invokeExact(webSocket); // as sendText: a closed socket throws
            // Tyrus's own send lock, as for every frame it sends: the frames stay in order with Tyrus's writes.
            shared.lock().lock();
            try {
                if (shared.grizzly() != null) {
                    shared.grizzly().write(frames, done);
                } else {
                    Object completion = (Object) shared.completion().invokeExact(shared.protocolHandler(), done);
                    Object ignored = (Object) shared.send().invokeExact(shared.protocolHandler(), frames, completion,
                            textInfo, Boolean.TRUE);
                }
            } finally {
                shared.lock().unlock();
            }
        } catch (Throwable e) {
            throw failure("send", e);
        }
    }

    @Override
    public void ping(byte[] payload, SendHandler done) throws IOException {
        if (shared != null) {
            write(PingFrame.of(payload), done);
            return;
        }
        try {
            Object ignored = sendPing.invokeExact(webSocket, payload);
        } catch (Throwable e) {
            throw failure("ping", e);
        }
        done.onResult(new SendResult());
    }

    /**
     * What a failed invocation throws: unchecked ones and I/O failures as they are, anything else (a checked
     * exception of Tyrus's, which the method handles cannot declare) as an I/O failure of the send.
     */
    private static IOException failure(String what, Throwable e) {
        if (e instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        if (e instanceof Error error) {
            throw error;
        }
        return e instanceof IOException io ? io : new IOException("Tyrus " + what + " failed: " + e, e);
    }
}
