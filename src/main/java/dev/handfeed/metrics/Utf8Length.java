package dev.handfeed.metrics;

import dev.handfeed.wire.TextFrame;

/**
 * The UTF-8 size of a text, counted without encoding it. A broadcast writes the same text (the same instance) to
 * every client: the last size is kept with its text, so a thousand clients cost one count, not a thousand.
 */
final class Utf8Length {

    private record Sized(String text, int bytes) {
    }

    private volatile Sized last = new Sized("", 0);

    int of(String text) {
        Sized known = last;
        if (known.text() == text) {
            return known.bytes();
        }
        int bytes = count(text);
        last = new Sized(text, bytes);
        return bytes;
    }

    static int count(String text) {
        return TextFrame.utf8Length(text);
    }
}
