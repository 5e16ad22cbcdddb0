package dev.handfeed.live;

import jakarta.websocket.SendResult;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writes themselves run in every integration test on Payara Micro (LiveFeedIT checks they are taken); here,
 * how Grizzly's completion reaches a send's handler, and the fallback where the connection is not Payara's.
 */
class GrizzlyWritesTest {

    /** The shape of Grizzly's {@code CompletionHandler}, which the server's class loader has and the tests do not. */
    interface Completions<E> {
        void cancelled();

        void failed(Throwable cause);

        void completed(E result);

        void updated(E result);
    }

    /** A protocol handler whose writer is not Tyrus's servlet writer, as on a client connection or another server. */
    static final class OtherHandler {
        @SuppressWarnings("unused")
        private final Object writer = new Object();
    }

    private final List<SendResult> results = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private Completions<Object> completion() {
        return (Completions<Object>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Completions.class}, new GrizzlyWrites.Completion(results::add));
    }

    @Test
    void aWriteCompletedIsASendThatSucceeded() {
        Completions<Object> completion = completion();
        completion.updated("part of it");
        assertTrue(results.isEmpty(), "a part written is not the end of the send");
        completion.completed("all of it");
        assertEquals(1, results.size());
        assertTrue(results.get(0).isOK());
    }

    @Test
    void aWriteFailedOrCancelledIsASendThatFailed() {
        IllegalStateException cause = new IllegalStateException("connection reset");
        completion().failed(cause);
        completion().cancelled();
        assertEquals(2, results.size());
        assertFalse(results.get(0).isOK());
        assertSame(cause, results.get(0).getException());
        assertFalse(results.get(1).isOK());
        assertInstanceOf(CancellationException.class, results.get(1).getException());
    }

    @Test
    void theCompletionAnswersObjectsMethodsWithoutASend() {
        Completions<Object> completion = completion();
        assertEquals(completion, completion);
        assertEquals(System.identityHashCode(completion), completion.hashCode());
        assertTrue(completion.toString().contains("completion"));
        assertTrue(results.isEmpty());
    }

    @Test
    void aConnectionThatIsNotPayarasServletOneKeepsTyrussRawSend() {
        assertTrue(GrizzlyWrites.resolve(new OtherHandler()).isEmpty());
        assertTrue(GrizzlyWrites.resolve(new Object()).isEmpty(), "no writer at all");
        GrizzlyConnections connections = new GrizzlyConnections();
        assertNull(connections.of(new OtherHandler()));
        assertNull(connections.of(new OtherHandler()), "resolved once, still nothing to write to");
        assertFalse(connections.used());
    }
}
