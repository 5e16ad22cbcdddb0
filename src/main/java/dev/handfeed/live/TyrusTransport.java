package dev.handfeed.live;

import jakarta.websocket.SendHandler;

import java.io.IOException;
import java.lang.invoke.MethodHandle;

/**
 * Payara's fast path: frames go to Tyrus's web socket itself, past its remote endpoint. The remote endpoint adds
 * nothing we use but an idle-timeout restart per frame; in Payara's Tyrus (2.1.5.payara-p2) that restart schedules
 * a task on the managed scheduled executor even when the idle timeout is off, so every frame cost a context
 * capture, a task and a second thread's wake-up. handfeed watches liveness itself (pings, send timeout), with the
 * container's idle timeout off. Found by {@link Transports}; any other container gets {@link PortableTransport}.
 */
final class TyrusTransport implements Transport {

    private final Object webSocket;
    private final MethodHandle sendText; // (Object webSocket, String, SendHandler, Object writerInfo) void
    private final MethodHandle sendPing; // (Object webSocket, byte[]) Object
    private final Object textInfo;

    TyrusTransport(Object webSocket, MethodHandle sendText, MethodHandle sendPing, Object textInfo) {
        this.webSocket = webSocket;
        this.sendText = sendText;
        this.sendPing = sendPing;
        this.textInfo = textInfo;
    }

    @Override
    public void text(String text, SendHandler done) throws IOException {
        try {
            sendText.invokeExact(webSocket, text, done, textInfo);
        } catch (RuntimeException | Error | IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("Tyrus send failed: " + e, e);
        }
    }

    @Override
    public void ping(byte[] payload) throws IOException {
        try {
            Object ignored = sendPing.invokeExact(webSocket, payload);
        } catch (RuntimeException | Error | IOException e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException("Tyrus ping failed: " + e, e);
        }
    }
}
