package dev.handfeed.hands;

/**
 * The seat lines of one hand and the lookup of who acts on a line. Names contain spaces, dots and
 * keyword-like words ({@code SB Warrior34 posts ante 25}), so the actor of a line is the longest seat
 * name that prefixes it followed by a space, never the first word.
 */
final class Seats {

    private final int[] seatNumbers;
    private final String[] names;
    private final long[] stacks;
    private final int[] byLength;
    private int count;

    Seats(int capacity) {
        seatNumbers = new int[capacity];
        names = new String[capacity];
        stacks = new long[capacity];
        byLength = new int[capacity];
    }

    /** Reads {@code Seat n: NAME (STACK[, X bounty])}; the stack is the last parenthesised group. */
    void add(String line) {
        int colon = line.indexOf(": ");
        int open = line.lastIndexOf(" (");
        int close = line.lastIndexOf(')');
        if (colon < 6 || open <= colon + 1 || close < open) {
            throw new MalformedLine("unreadable seat line '" + line + "'");
        }
        if (count == names.length) {
            throw new MalformedLine("more than " + names.length + " seat lines");
        }
        int seat;
        try {
            seat = Integer.parseInt(line, 5, colon, 10);
        } catch (NumberFormatException e) {
            throw new MalformedLine("unreadable seat number in '" + line + "'");
        }
        int stackEnd = line.indexOf(',', open);
        stackEnd = stackEnd < 0 || stackEnd > close ? close : stackEnd;
        seatNumbers[count] = seat;
        names[count] = line.substring(colon + 2, open);
        // An empty or odd stack ("()" in an edited fixture) is informational only: keep the hand.
        stacks[count] = stackEnd > open + 2 ? Money.tryCents(line, open + 2, stackEnd) : -1;
        count++;
    }

    /** Must be called once all seats are added, before {@link #actorOf}. */
    void seal() {
        // Insertion sort: at most ten seats, and no boxing on the per-hand path.
        for (int i = 0; i < count; i++) {
            int j = i;
            while (j > 0 && names[byLength[j - 1]].length() < names[i].length()) {
                byLength[j] = byLength[j - 1];
                j--;
            }
            byLength[j] = i;
        }
    }

    /** Index of the seat whose name starts the line followed by a space, or -1. */
    int actorOf(String line) {
        return actorOf(line, 0);
    }

    int actorOf(String line, int from) {
        for (int k = 0; k < count; k++) {
            int i = byLength[k];
            String name = names[i];
            int end = from + name.length();
            if (line.length() > end && line.charAt(end) == ' ' && line.startsWith(name, from)) {
                return i;
            }
        }
        return -1;
    }

    int indexOfName(String name) {
        for (int i = 0; i < count; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    int count() {
        return count;
    }

    int seat(int i) {
        return seatNumbers[i];
    }

    String name(int i) {
        return names[i];
    }

    /** Hundredths, or -1 when the seat line shows none ({@code ()} in an edited fixture). */
    long stack(int i) {
        return stacks[i];
    }
}
