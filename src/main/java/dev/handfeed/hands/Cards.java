package dev.handfeed.hands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Card lists written as bracket groups: {@code [Ah Ac 5d][2c]}, {@code [4c 9h 8c] [As]}, {@code [X X 9h]}. */
final class Cards {

    private Cards() {
    }

    static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> cards = new ArrayList<>(7);
        boolean inside = false;
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                inside = true;
                start = i + 1;
            } else if (inside && (c == ' ' || c == ']')) {
                if (i > start) {
                    cards.add(text.substring(start, i));
                }
                start = i + 1;
                inside = c != ']';
            }
        }
        return Collections.unmodifiableList(cards);
    }

    /** True when a group holds a hidden card {@code X} (opponents' cards in stud). */
    static boolean hasHidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 'X') {
                char before = i == 0 ? ' ' : text.charAt(i - 1);
                char after = i + 1 == text.length() ? ' ' : text.charAt(i + 1);
                if ((before == '[' || before == ' ') && (after == ']' || after == ' ')) {
                    return true;
                }
            }
        }
        return false;
    }
}
