package dev.handfeed.hands;

import java.math.BigDecimal;

/**
 * Reads amounts as Winamax writes them: {@code 0.01€}, {@code €4.50}, {@code 16.66}, {@code 4455.50},
 * decimal commas ({@code 0,90}) and, in 2010-2011 {@code Total pot} lines only, {@code 15.52k}.
 * <p>
 * Amounts are kept as exact hundredths in a {@code long} while a hand is read (no amount in any file has
 * more than two decimals; one with more is rejected rather than rounded), and become {@link BigDecimal}
 * only in the finished {@link Hand}. Hand-written instead of {@code new BigDecimal(String)} because it runs
 * for every action of every hand. Public for {@link #tryParse}, which reads tournament summary amounts too.
 */
public final class Money {

    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Money() {
    }

    /** Hundredths of the amount in {@code s[from, to)}; currency signs are skipped, anything else is an error. */
    static long cents(String s, int from, int to) {
        long value = tryCents(s, from, to);
        if (value < 0) {
            throw new MalformedLine("unreadable amount '" + s.substring(from, Math.max(from, to)) + "'");
        }
        return value;
    }

    /** Hundredths of the amount starting at {@code from} and running to the next space or the end. */
    static long tokenCents(String s, int from) {
        return cents(s, from, tokenEnd(s, from));
    }

    /** The index just after the amount token starting at {@code from}. */
    static int tokenEnd(String s, int from) {
        int end = s.indexOf(' ', from);
        return end < 0 ? s.length() : end;
    }

    /** Like {@link #cents} but -1 (amounts are never negative) when the text is not an amount. */
    static long tryCents(String s, int from, int to) {
        long unscaled = 0;
        int scale = -1;
        int digits = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                unscaled = unscaled * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if ((c == '.' || c == ',') && scale < 0 && digits > 0) {
                scale = 0;
            } else if (c != '€' && c != '$') {
                return -1;
            }
        }
        if (digits == 0 || digits > 16 || scale == 0 || scale > 2) {
            return -1;
        }
        return scale == 2 ? unscaled : scale == 1 ? unscaled * 10 : unscaled * 100;
    }

    /**
     * The amount in {@code s[from, to)} as a decimal, {@code 15.52k} read as 15520 when allowed, or null
     * when the text is not an amount. For the rarely used {@code Total pot} and header values, and for the
     * amounts of tournament summary files.
     */
    public static BigDecimal tryParse(String s, int from, int to, boolean allowThousands) {
        boolean thousands = allowThousands && to > from && s.charAt(to - 1) == 'k';
        int end = thousands ? to - 1 : to;
        if (tryCents(s, from, end) < 0) {
            return null;
        }
        // Validated above; kept at the scale it is written with ("0.03", "25").
        BigDecimal amount = new BigDecimal(s.substring(from, end).replace("€", "").replace("$", "").replace(',', '.'));
        return thousands ? amount.multiply(THOUSAND) : amount;
    }
}
