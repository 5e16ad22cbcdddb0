package dev.handfeed.metrics;

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
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // four bytes for the two chars of the pair
                    i++;
                } // a lone surrogate is written as '?', one byte, as the JDK's encoder does
            }
        }
        return bytes;
    }
}
