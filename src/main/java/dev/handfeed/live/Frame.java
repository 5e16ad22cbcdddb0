package dev.handfeed.live;

import dev.handfeed.wire.Encoded;
import dev.handfeed.wire.TextFrame;
import jakarta.websocket.CloseReason;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/**
 * What a client's outbound queue holds, in the order it leaves: messages, pings, the close. Each says how many
 * messages it carries: what a failed write counts as dropped and a completed one as written.
 */
sealed interface Frame permits Frame.Single, Frame.Ping, Frame.Close, Frame.Batch {

    /** How many messages this carries: none for a ping or a close. */
    int messages();

    /** Counts what a completed write delivered. */
    default void written(LiveCounters counters) {
    }

    /** One message: a frame of its own, or a part of a {@link Batch}. */
    sealed interface Single extends Frame permits Text, Message {

        @Override
        default int messages() {
            return 1;
        }

        /** The length of its WebSocket frame. */
        int frameLength();

        /** Writes its WebSocket frame at the buffer's position. */
        void frame(ByteBuffer into);
    }

    /**
     * A message of this client's alone: an ack, an error, a replayed event. Its UTF-8 length is counted once, when
     * a batch first asks for it, and kept for its encoding; only the sending thread asks.
     */
    final class Text implements Single {

        private final String text;
        private int utf8Length = -1;

        Text(String text) {
            this.text = text;
        }

        String text() {
            return text;
        }

        @Override
        public int frameLength() {
            return TextFrame.frameLength(utf8Length());
        }

        @Override
        public void frame(ByteBuffer into) {
            TextFrame.encode(text, utf8Length(), into);
        }

        private int utf8Length() {
            if (utf8Length < 0) {
                utf8Length = TextFrame.utf8Length(text);
            }
            return utf8Length;
        }

        @Override
        public void written(LiveCounters counters) {
            counters.written(text, 0, 0);
        }
    }

    /** A broadcast message, framed once for every client: its delivery is measured from when its hand was seen. */
    record Message(Encoded encoded) implements Single {

        @Override
        public int frameLength() {
            return encoded.textFrame().length;
        }

        @Override
        public void frame(ByteBuffer into) {
            into.put(encoded.textFrame()); // shared by every client, so copied
        }

        @Override
        public void written(LiveCounters counters) {
            counters.written(encoded.json(), encoded.seenNanos(), encoded.eventId());
        }
    }

    /** A ping carrying {@code seq}, the number its pong brings back. */
    record Ping(long seq) implements Frame {

        @Override
        public int messages() {
            return 0;
        }
    }

    /** The close, and what runs once it is handed to the container. */
    record Close(CloseReason reason, Runnable then) implements Frame {

        @Override
        public int messages() {
            return 0;
        }
    }

    /** Messages that leave as one write of their frames. */
    record Batch(List<Single> parts, ByteBuffer bytes) implements Frame {

        /**
         * {@code first} and the messages queued right behind it, up to {@code maxBytes} of frames. Only the thread
         * that sends takes from {@code pending}, so what it peeks at is what it polls.
         */
        static Batch gather(Single first, Queue<Frame> pending, int maxBytes) {
            List<Single> parts = new ArrayList<>();
            int bytes = 0;
            Single next = first;
            while (true) {
                parts.add(next);
                bytes += next.frameLength();
                if (bytes >= maxBytes || !(pending.peek() instanceof Single)) {
                    break;
                }
                next = (Single) pending.poll();
            }
            ByteBuffer write = ByteBuffer.allocate(bytes);
            parts.forEach(part -> part.frame(write));
            return new Batch(parts, write.flip());
        }

        @Override
        public int messages() {
            return parts.size();
        }

        @Override
        public void written(LiveCounters counters) {
            parts.forEach(part -> part.written(counters));
        }
    }
}
