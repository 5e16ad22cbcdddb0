package dev.handfeed.tournaments;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line 1 of a summary block: {@code Winamax Poker - Tournament summary : <name>(<id>)}, optionally followed by
 * {@code  - Late registration} (2011-2013) or {@code  - Late Registration} (2023). Names contain {@code " - "},
 * {@code €}, {@code '} and parentheses, so the id is the last {@code (digits)} group before the optional suffix.
 */
record Title(String name, String tournamentId, boolean lateRegistration) {

    static final String BLOCK_START = "Winamax Poker - ";
    static final String PREFIX = "Winamax Poker - Tournament summary : ";
    private static final Pattern SHAPE = Pattern.compile("(.*)\\((\\d{1,19})\\)((?i) - late registration)?");

    static Title parse(String line) {
        if (!line.startsWith(PREFIX)) {
            throw new MalformedSummary(line.startsWith(BLOCK_START)
                    ? "not a tournament summary: the line does not start with '" + PREFIX + "'"
                    : "text before the first '" + PREFIX + "' line: not a tournament summary");
        }
        Matcher m = SHAPE.matcher(line.substring(PREFIX.length()));
        if (!m.matches()) {
            throw new MalformedSummary("first line does not end with '<name>(<tournament id>)'");
        }
        return new Title(m.group(1), m.group(2), m.group(3) != null);
    }

    /** The id of a first line, for error messages when the rest of the line cannot be read; null if none. */
    static String idOf(String line) {
        int close = line.lastIndexOf(')');
        int open = close < 0 ? -1 : line.lastIndexOf('(', close);
        String id = open < 0 ? "" : line.substring(open + 1, close);
        return !id.isEmpty() && id.length() < 20 && id.chars().allMatch(c -> c >= '0' && c <= '9') ? id : null;
    }
}
