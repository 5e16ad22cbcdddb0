package dev.handfeed.hands.bench;

import java.math.BigDecimal;

/** Amounts written the Winamax way: whole amounts without decimals, others with two; {@code €} after. */
final class Amounts {

    private Amounts() {
    }

    static String format(long minor, String unit) {
        if (unit.equals("CHIPS")) {
            return Long.toString(minor);
        }
        String text = minor % 100 == 0 ? Long.toString(minor / 100)
                : (minor / 100) + "." + (minor % 100 < 10 ? "0" : "") + (minor % 100);
        return unit.equals("EUR") ? text + "€" : text;
    }

    static BigDecimal decimal(long minor, String unit) {
        return unit.equals("CHIPS") ? BigDecimal.valueOf(minor) : BigDecimal.valueOf(minor, 2);
    }
}
