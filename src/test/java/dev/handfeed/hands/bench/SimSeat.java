package dev.handfeed.hands.bench;

/** A player at a generated table: mutable money state for one hand at a time. */
final class SimSeat {

    final int number;
    final String name;
    long stack;
    boolean folded;
    boolean acted;
    long street;
    long invested;
    long collected;
    /** Called, bet or raised in the first betting round (blinds and bring-ins are forced). */
    boolean vpip;
    /** Bet or raised (stud: completed) in the first betting round. */
    boolean pfr;
    String cards = "";

    SimSeat(int number, String name, long stack) {
        this.number = number;
        this.name = name;
        this.stack = stack;
    }

    boolean allIn() {
        return stack == 0;
    }

    boolean live() {
        return !folded && stack > 0;
    }

    /** Moves chips from the stack into the pot; returns the amount actually put in. */
    long put(long amount, boolean countsOnStreet) {
        long paid = Math.min(amount, stack);
        stack -= paid;
        invested += paid;
        if (countsOnStreet) {
            street += paid;
        }
        return paid;
    }

    void reset() {
        folded = false;
        acted = false;
        street = 0;
        invested = 0;
        collected = 0;
        vpip = false;
        pfr = false;
        cards = "";
    }
}
