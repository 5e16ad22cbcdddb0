package dev.handfeed.hands;

import java.util.List;

/**
 * What a raw line starts (RULES.md §3.1), decided on the bytes so that garbage and the lines between
 * hands are never decoded. Every pattern is ASCII, so the test holds in UTF-8 and cp1252 alike.
 */
enum LineKind {
    /** {@code Winamax Poker - ...}, or a known kind whose prefix a fixture author stripped. */
    HAND_HEADER,
    /** {@code Winamax Poker - Tournament summary : <name>(<id>)}: a summary file, not a hand. */
    SUMMARY_HEADER,
    /** Any other line holding {@code HandId: #}: starts a block that can only fail. */
    INVALID_HEADER,
    OTHER;

    private static final String PREFIX = Header.PREFIX;
    private static final String SUMMARY = "Tournament summary";
    private static final String HAND_ID = "HandId: #";
    private static final List<String> STRIPPED =
            List.of("Tournament \"", "CashGame - ", "HOLD-UP \"", "Go Fast \"", "ESCAPE \"");

    static LineKind of(byte[] b, int off, int len) {
        if (startsWith(b, off, len, PREFIX)) {
            return startsWith(b, off + PREFIX.length(), len - PREFIX.length(), SUMMARY) ? SUMMARY_HEADER : HAND_HEADER;
        }
        if (len < 40 || !contains(b, off, len, HAND_ID)) {
            return OTHER;
        }
        int start = off;
        while (start < off + len && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        for (String kind : STRIPPED) {
            if (startsWith(b, start, off + len - start, kind)) {
                return HAND_HEADER;
            }
        }
        return INVALID_HEADER;
    }

    static boolean blank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** {@code prefix} is ASCII, so comparing its chars with the raw bytes is exact in UTF-8 and cp1252. */
    private static boolean startsWith(byte[] b, int off, int len, String prefix) {
        if (len < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (b[off + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(byte[] b, int off, int len, String pattern) {
        int last = off + len - pattern.length();
        char first = pattern.charAt(0);
        for (int i = off; i <= last; i++) {
            if (b[i] == first && startsWith(b, i, pattern.length(), pattern)) {
                return true;
            }
        }
        return false;
    }
}
