package dev.handfeed.hands;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Ways of feeding bytes to a {@link HandReader} and comparing what comes out, shared by the reader tests. */
final class ReaderFeeding {

    private ReaderFeeding() {
    }

    /** The hands of a file read in one go: what every other way of feeding must reproduce. */
    static List<Hand> reference(byte[] bytes) {
        return hands(new HandParser().parseAll(bytes, "f"));
    }

    static List<Hand> hands(List<HandEvent> events) {
        return events.stream().filter(e -> e instanceof HandEvent.Parsed)
                .map(e -> ((HandEvent.Parsed) e).hand()).toList();
    }

    /** Events as comparable values: exceptions have identity equality, their messages do not. */
    static List<Object> comparable(List<HandEvent> events) {
        return events.stream().map(e -> e instanceof HandEvent.Failed f
                ? (Object) ("Failed " + f.error().getMessage() + " @" + f.endOffset()) : e).toList();
    }

    static List<HandEvent> feed(HandReader reader, byte[] all, int chunk) {
        List<HandEvent> events = new ArrayList<>();
        for (int off = 0; off < all.length; off += chunk) {
            events.addAll(reader.feed(all, off, Math.min(chunk, all.length - off)));
        }
        events.addAll(reader.finish());
        return events;
    }

    static List<HandEvent> feedInChunks(byte[] bytes, int chunk) {
        return feed(new HandReader("f", new HandParser()), bytes, chunk);
    }

    /** 1-based line of the header of {@code handId} in {@code bytes}. */
    static long lineOf(byte[] bytes, String handId) {
        int at = indexOf(bytes, ("#" + handId).getBytes(StandardCharsets.UTF_8), 0);
        return 1 + IntStream.range(0, at).filter(i -> bytes[i] == '\n').count();
    }

    static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (hay[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
        out.write(a, 0, a.length);
        out.write(b, 0, b.length);
        return out.toByteArray();
    }
}
