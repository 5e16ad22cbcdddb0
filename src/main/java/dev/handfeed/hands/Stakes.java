package dev.handfeed.hands;

import java.math.BigDecimal;

/**
 * The header's {@code (stakes)}: {@code 0.01€/0.02€}, {@code 0.03/0.10/0.20} (ante first), {@code 5€/25€/50€}
 * (stud: ante/small bet/big bet). The contract's {@code stakes} is the last two numbers as written,
 * currency signs removed; a third, leading number is the ante.
 *
 * @param text       e.g. {@code 0.10/0.20}
 * @param ante       the dropped leading number, or null
 * @param smallBlind the second-to-last number in hundredths, -1 when unreadable; for fixed limit a bet size
 * @param last       the last number in hundredths, -1 when unreadable: the big blind, or for fixed limit the big bet
 */
record Stakes(String text, BigDecimal ante, long smallBlind, long last) {

    static Stakes parse(String raw) {
        int last = raw.lastIndexOf('/');
        if (last < 0) {
            return new Stakes(clean(raw, 0, raw.length()), null, -1, -1);
        }
        int previous = raw.lastIndexOf('/', last - 1);
        String text = clean(raw, previous + 1, raw.length());
        long sb = Money.tryCents(raw, previous + 1, last);
        BigDecimal ante = previous > 0 && raw.lastIndexOf('/', previous - 1) < 0
                ? Money.tryParse(raw, 0, previous, false) : null;
        return new Stakes(text, ante, sb, Money.tryCents(raw, last + 1, raw.length()));
    }

    /** {@code raw[from, to)} without currency signs and spaces. */
    private static String clean(String raw, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c != '€' && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
