package dev.handfeed.hands;

/**
 * Line 2 of a hand: {@code Table: '<name>' <N>-max (real|play money)[ Seat #<k> is the button]}.
 * Table names contain {@code '} ({@code 'No Limit Hold'em(1853325)#0'}), so the name runs from the first
 * quote to the quote before {@code " <N>-max ("}. Seen variants: {@code Table 'x'} without colon,
 * {@code Seat 0000005 is the button}, no button clause at all (stud).
 */
record TableLine(String name, int maxSeats, boolean playMoney, Integer buttonSeat) {

    static TableLine parse(String line) {
        String s = line.stripTrailing();
        if (!s.startsWith("Table: '") && !s.startsWith("Table '")) {
            throw new MalformedLine("second line is not a 'Table: ...' line");
        }
        int nameFrom = s.indexOf('\'') + 1;
        int max = s.lastIndexOf("-max (");
        int space = max - 1;
        while (space > nameFrom && Character.isDigit(s.charAt(space))) {
            space--;
        }
        if (max < 0 || space == max - 1 || space - 1 < nameFrom || s.charAt(space) != ' ' || s.charAt(space - 1) != '\'') {
            throw new MalformedLine("table line without '<name>' <N>-max");
        }
        String name = s.substring(nameFrom, space - 1);
        int maxSeats = Integer.parseInt(s, space + 1, max, 10);
        int moneyAt = max + 6;
        boolean play;
        if (s.startsWith("play money)", moneyAt)) {
            play = true;
        } else if (s.startsWith("real money)", moneyAt)) {
            play = false;
        } else {
            throw new MalformedLine("table line without '(real money)' or '(play money)'");
        }
        return new TableLine(name, maxSeats, play, button(s, moneyAt + 11));
    }

    private static Integer button(String s, int from) {
        int seat = s.indexOf("Seat ", from);
        if (seat < 0 || !s.endsWith(" is the button")) {
            return null;
        }
        int i = seat + 5;
        if (i < s.length() && s.charAt(i) == '#') {
            i++;
        }
        int start = i;
        int value = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i)) && i - start < 9) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            throw new MalformedLine("unreadable button seat in '" + s.substring(seat) + "'");
        }
        return value;
    }
}
