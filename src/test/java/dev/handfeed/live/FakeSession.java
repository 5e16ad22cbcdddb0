package dev.handfeed.live;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WebSocket session without a container, for the live core's unit tests: it records every frame handed to it
 * (texts as they are, pings as {@code ping:<seq>}, a close as {@code close:<code>}) and completes sends either at
 * once, on the caller's thread (as Tyrus often does), or when the test says so.
 */
final class FakeSession {

    private final List<String> frames = new ArrayList<>();
    private final Deque<SendHandler> unfinished = new ArrayDeque<>();
    private final Map<String, Object> properties = new HashMap<>();
    private boolean completeAtOnce = true;
    private boolean failing;
    private final Session session;

    FakeSession() {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{RemoteEndpoint.Async.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        send((String) args[0], (SendHandler) args[1]);
                        yield null;
                    }
                    case "sendPing" -> {
                        frames.add("ping:" + ((ByteBuffer) args[0]).getLong(0));
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> remote;
                    case "getId" -> "fake";
                    case "getUserProperties" -> properties;
                    case "isOpen" -> true;
                    case "close" -> {
                        frames.add("close:" + (args == null ? 1000 : ((CloseReason) args[0]).getCloseCode().getCode()));
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "FakeSession";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void send(String text, SendHandler done) throws IOException {
        if (failing) {
            throw new IOException("connection reset");
        }
        frames.add(text);
        if (completeAtOnce) {
            done.onResult(new SendResult());
        } else {
            unfinished.add(done);
        }
    }

    /**
     * A transport that, as Tyrus's direct one, takes frames as bytes: a write of several frames is recorded as
     * {@code frames:<text>|<text>...}, a single message as its text.
     */
    Transport takingFrames() {
        return new Transport() {
            @Override
            public void text(String text, SendHandler done) throws IOException {
                send(text, done);
            }

            @Override
            public boolean takesFrames() {
                return true;
            }

            @Override
            public void frames(ByteBuffer frames, SendHandler done) throws IOException {
                List<String> texts = new ArrayList<>();
                while (frames.hasRemaining()) {
                    texts.add(unframe(frames));
                }
                send(texts.size() == 1 ? texts.get(0) : "frames:" + String.join("|", texts), done);
            }

            @Override
            public void ping(byte[] payload, SendHandler done) throws IOException {
                // As Tyrus's direct path: the ping is one more frame in the connection's sequence.
                ByteBuffer frame = PingFrame.of(payload);
                if ((frame.get() & 0xFF) != 0x89 || frame.get() != payload.length) {
                    throw new IllegalStateException("not a final ping frame");
                }
                send("ping:" + frame.getLong(), done);
            }
        };
    }

    /** Reads one final, unmasked text frame (RFC 6455 section 5.2). */
    private static String unframe(ByteBuffer in) {
        if (in.get() != (byte) 0x81) {
            throw new IllegalStateException("not a final text frame");
        }
        int length = in.get();
        long n = length == 126 ? in.getShort() & 0xFFFF : length == 127 ? in.getLong() : length;
        byte[] payload = new byte[Math.toIntExact(n)];
        in.get(payload);
        return new String(payload, StandardCharsets.UTF_8);
    }

    Session session() { return session; }
    List<String> frames() { return frames; }
    /** From now on sends wait for {@link #completeOne}. */
    void holdSends() { completeAtOnce = false; }
    /** From now on sends fail as a broken connection does. */
    void failSends() { failing = true; }
    int unfinished() { return unfinished.size(); }

    void completeOne() {
        unfinished.poll().onResult(new SendResult());
    }

    void failOne() {
        unfinished.poll().onResult(new SendResult(new IOException("broken pipe")));
    }
}
