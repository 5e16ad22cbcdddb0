package dev.handfeed.hands;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one complete line (without its line end): strict UTF-8, falling back to cp1252 when the bytes
 * are not valid UTF-8 (older files and tools write {@code €} as the single byte 0x80). Deciding per
 * line keeps a file that mixes both readable, and a line is never decoded before its {@code \n} arrived,
 * so a multi-byte character cut between two reads is never mistaken for cp1252. Public because tournament
 * summary files are decoded the same way.
 */
public final class LineDecoder {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** The line in {@code b[off, off + len)}, without its {@code \r} characters. */
    public String decode(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end && b[i] >= 0 && b[i] != '\r') {
            i++;
        }
        if (i == end) {
            // Pure ASCII: Latin-1 decoding is a plain copy into a compact string.
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        // The ASCII prefix [off, i) is valid in any case: validate from the first high byte on.
        String s = validUtf8(b, i, end)
                ? new String(b, off, len, StandardCharsets.UTF_8)
                : new String(b, off, len, CP1252);
        return s.indexOf('\r') >= 0 ? s.replace("\r", "") : s;
    }

    /** Strict validation: no overlong forms, no surrogates, nothing above U+10FFFF, no cut sequence. */
    static boolean validUtf8(byte[] b, int from, int end) {
        int i = from;
        while (i < end) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + need >= end) {
                return false;
            }
            int code = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) {
                    return false;
                }
                code = (code << 6) | (cc & 0x3F);
            }
            if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    /** True when the bytes end inside a UTF-8 sequence that more bytes could still complete. */
    static boolean endsInsideUtf8Sequence(byte[] b, int len) {
        for (int back = 1; back <= 3 && back <= len; back++) {
            int c = b[len - back] & 0xFF;
            if ((c & 0xC0) == 0x80) {
                continue;
            }
            int need = 0;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
            }
            return need >= back;
        }
        return false;
    }
}
