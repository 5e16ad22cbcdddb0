package dev.handfeed.hands;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * Line 1 of a hand: {@code Winamax Poker - <kind> - HandId: #a-b-c - <game> (<stakes>) - YYYY/MM/DD HH:MM:SS UTC}.
 * Tournament names contain {@code " - "}, so the line is read from both anchors ({@code HandId: #} and the
 * trailing date) instead of being split on the separator.
 */
record Header(String kind, String pool, String handId, String gameRaw, String stakesRaw, Instant timestamp,
              String tournamentName, String buyIn, String level, boolean prefixStripped) {

    static final String PREFIX = "Winamax Poker - ";
    private static final String HAND_ID = " - HandId: #";
    private static final String DATE_TAIL = " - 0000/00/00 00:00:00 UTC";
    private static final Pattern KNOWN_KINDS = Pattern.compile("Tournament \"|CashGame - |HOLD-UP \"|Go Fast \"|ESCAPE \"");

    boolean tournament() {
        return tournamentName != null;
    }

    /** The {@code a-b-c} id of any line holding {@code HandId: #}, for error messages; null if none. */
    static String handIdOf(String line) {
        int at = line.indexOf("HandId: #");
        if (at < 0) {
            return null;
        }
        int from = at + 9;
        int end = from;
        while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '-')) {
            end++;
        }
        return end > from ? line.substring(from, end) : null;
    }

    static Header parse(String line) {
        boolean stripped = !line.startsWith(PREFIX);
        String s = stripped ? line.strip() : line.substring(PREFIX.length());
        if (stripped && !KNOWN_KINDS.matcher(s).lookingAt()) {
            // Fixture authors stripped the prefix of known kinds only; anything else is a corrupt header.
            throw new MalformedLine("header does not start with '" + PREFIX + "'");
        }
        int hid = s.indexOf(HAND_ID);
        if (hid <= 0) {
            throw new MalformedLine("header without ' - HandId: #'");
        }
        String kindText = s.substring(0, hid);
        int idFrom = hid + HAND_ID.length();
        int idEnd = s.indexOf(" - ", idFrom);
        if (idEnd < 0) {
            throw new MalformedLine("header ends after the HandId");
        }
        String handId = s.substring(idFrom, idEnd);
        if (!validHandId(handId)) {
            throw new MalformedLine("HandId '" + handId + "' is not a-b-c digits");
        }
        String tail = s.stripTrailing();
        if (tail.length() < idEnd + DATE_TAIL.length() + 4 || !tail.endsWith(" UTC")
                || !tail.startsWith(" - ", tail.length() - DATE_TAIL.length())) {
            throw new MalformedLine("header does not end with ' - YYYY/MM/DD HH:MM:SS UTC'");
        }
        int dateAt = tail.length() - DATE_TAIL.length() + 3;
        Instant time = timestamp(tail, dateAt);
        String game = tail.substring(idEnd + 3, tail.length() - DATE_TAIL.length());
        int open = game.lastIndexOf('(');
        if (open <= 0 || !game.endsWith(")")) {
            throw new MalformedLine("header has no '(stakes)' after the game name");
        }
        String stakes = game.substring(open + 1, game.length() - 1);
        String gameRaw = game.substring(0, open).strip();
        return withKind(kindText, handId, gameRaw, stakes, time, stripped);
    }

    private static Header withKind(String kindText, String handId, String game, String stakes, Instant time,
                                   boolean stripped) {
        if (kindText.startsWith("Tournament \"")) {
            int nameEnd = kindText.lastIndexOf("\" buyIn: ");
            int levelAt = kindText.lastIndexOf(" level: ");
            if (nameEnd < 0 || levelAt < nameEnd) {
                throw new MalformedLine("tournament header without 'buyIn:' and 'level:'");
            }
            return new Header("Tournament", null, handId, game, stakes, time, kindText.substring(12, nameEnd),
                    kindText.substring(nameEnd + 9, levelAt).strip(), kindText.substring(levelAt + 8).strip(), stripped);
        }
        int quote = kindText.indexOf(" \"");
        if (quote > 0 && kindText.endsWith("\"")) {
            // HOLD-UP / Go Fast / ESCAPE "<pool>": fast-fold cash tables, same body as CashGame.
            return new Header(kindText.substring(0, quote), kindText.substring(quote + 2, kindText.length() - 1),
                    handId, game, stakes, time, null, null, null, stripped);
        }
        return new Header(kindText, null, handId, game, stakes, time, null, null, null, stripped);
    }

    private static boolean validHandId(String id) {
        int dashes = 0;
        char previous = '-';
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == '-') {
                if (previous == '-') {
                    return false;
                }
                dashes++;
            } else if (c < '0' || c > '9') {
                return false;
            }
            previous = c;
        }
        return dashes == 2 && previous != '-';
    }

    private static Instant timestamp(String s, int at) {
        try {
            int year = digits(s, at, 4);
            int month = digits(s, at + 5, 2);
            int day = digits(s, at + 8, 2);
            int hour = digits(s, at + 11, 2);
            int minute = digits(s, at + 14, 2);
            int second = digits(s, at + 17, 2);
            if (s.charAt(at + 4) != '/' || s.charAt(at + 7) != '/' || s.charAt(at + 10) != ' '
                    || s.charAt(at + 13) != ':' || s.charAt(at + 16) != ':' || hour > 23 || minute > 59 || second > 59) {
                throw new MalformedLine("bad date '" + s.substring(at) + "'");
            }
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400L + hour * 3600L + minute * 60L + second);
        } catch (java.time.DateTimeException e) {
            throw new MalformedLine("bad date '" + s.substring(at) + "': " + e.getMessage());
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new MalformedLine("bad date '" + s.substring(from) + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
