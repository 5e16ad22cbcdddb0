package dev.handfeed.hands.bench;

import java.util.Random;

/** A shuffled 52-card deck dealing space-separated cards ({@code "Ah Td"}). */
final class Deck {

    private static final String RANKS = "23456789TJQKA";
    private static final String SUITS = "cdhs";

    private final Random random;
    private final String[] cards = new String[52];
    private int next;

    Deck(Random random) {
        this.random = random;
        for (int i = 0; i < 52; i++) {
            cards[i] = "" + RANKS.charAt(i % 13) + SUITS.charAt(i / 13);
        }
    }

    void shuffle() {
        for (int i = cards.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String t = cards[i];
            cards[i] = cards[j];
            cards[j] = t;
        }
        next = 0;
    }

    String deal(int count) {
        StringBuilder sb = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(cards[next++]);
        }
        return sb.toString();
    }
}
