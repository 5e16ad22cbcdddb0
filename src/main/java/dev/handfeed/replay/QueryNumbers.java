package dev.handfeed.replay;

import java.util.regex.Pattern;

/** Whole-number query parameters, refused with a message that names the parameter. */
final class QueryNumbers {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final int QUOTE_LIMIT = 40;

    private QueryNumbers() {
    }

    /** A whole number from {@code min} to {@code max}. */
    static long parse(String name, String text, long min, long max) throws Invalid {
        if (DIGITS.matcher(text).matches()) {
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // above Long.MAX_VALUE: refused below like any other out-of-range value
            }
        }
        throw new Invalid(name, text, "an integer from " + min + " to " + max);
    }

    /** A parameter the request got wrong. */
    static final class Invalid extends Exception {
        private final String parameter;

        Invalid(String parameter, String text, String expected) {
            super("Invalid '" + parameter + "': expected " + expected + ", got '"
                    + (text.length() > QUOTE_LIMIT ? text.substring(0, QUOTE_LIMIT) + "..." : text)
                            .replaceAll("\\p{Cntrl}", "?") + "'", null, false, false);
            this.parameter = parameter;
        }

        String parameter() {
            return parameter;
        }
    }
}
