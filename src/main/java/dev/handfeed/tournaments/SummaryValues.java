package dev.handfeed.tournaments;

import dev.handfeed.hands.Money;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers for the values of summary lines; each reads exactly what it is given or throws {@link MalformedSummary}. */
final class SummaryValues {

    private static final Pattern STARTED =
            Pattern.compile("(\\d{4})/(\\d{2})/(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) UTC");
    /** {@code 51min 0s}, {@code 1h 43min 28s}, {@code 3min 40s}; any unit may be missing, not all of them. */
    private static final Pattern PLAYED = Pattern.compile("(?:(\\d{1,6})h ?)?(?:(\\d{1,6})min ?)?(?:(\\d{1,9})s)?");
    /** {@code 3rd place}, {@code 23th place} (sic): the suffix is not checked against the number. */
    private static final Pattern PLACE = Pattern.compile("(\\d{1,9})(?:st|nd|rd|th) place");
    /** What Winamax writes when the place is not known (2013 heads-up sit-and-go). */
    static final String UNKNOWN_PLACE = "... place";

    private SummaryValues() {
    }

    /** {@code 4.70€}, {@code 50€}, {@code 0,90€}, {@code 9.30}: kept at the scale it is written with. */
    static BigDecimal amount(String text) {
        BigDecimal value = Money.tryParse(text, 0, text.length(), false);
        if (value == null) {
            throw new MalformedSummary("unreadable amount '" + text + "'");
        }
        return value;
    }

    /** A whole number of players, rebuys, add-ons or a flight id. */
    static int count(String text) {
        if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedSummary("'" + text + "' is not a whole number");
        }
        return Integer.parseInt(text);
    }

    /** {@code 2017/04/12 00:44:12 UTC}: Winamax labels the time UTC and it is taken as such. */
    static Instant started(String text) {
        Matcher m = STARTED.matcher(text);
        if (!m.matches()) {
            throw new MalformedSummary("start time '" + text + "' is not 'YYYY/MM/DD HH:MM:SS UTC'");
        }
        try {
            return LocalDateTime.of(group(m, 1), group(m, 2), group(m, 3), group(m, 4), group(m, 5), group(m, 6))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new MalformedSummary("start time '" + text + "' is not a valid date and time");
        }
    }

    /** Seconds of {@code You played <duration>}. */
    static long played(String text) {
        Matcher m = PLAYED.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new MalformedSummary("duration '" + text + "' is not like '1h 43min 28s'");
        }
        return part(m, 1) * 3600 + part(m, 2) * 60 + part(m, 3);
    }

    /** The place of {@code You finished in <place>}, or null for {@value #UNKNOWN_PLACE}. */
    static Integer finish(String text) {
        if (text.equals(UNKNOWN_PLACE)) {
            return null;
        }
        Matcher m = PLACE.matcher(text);
        int place = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        if (place < 1) {
            throw new MalformedSummary("finish '" + text + "' is not like '3rd place' or '... place'");
        }
        return place;
    }

    private static int group(Matcher m, int i) {
        return Integer.parseInt(m.group(i));
    }

    private static long part(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
