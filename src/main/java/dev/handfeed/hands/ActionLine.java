package dev.handfeed.hands;

/**
 * One player line ({@code <name> <verb> ...}) applied to the {@link Ledger}. Dead and live blinds follow
 * RULES.md §3.6: an out-of-position small blind is dead except for the part above the table's small blind
 * ("post both": 3€ at 1€/2€ = 1€ dead + 2€ live); an out-of-position big blind is live. Calls, bets and
 * raises are choices (VPIP, and bets and raises PFR, in the first round); posts and bring-ins are forced.
 */
final class ActionLine {

    private final Ledger ledger;
    private final Notes notes;
    private final long tableSmallBlind;
    private int smallBlind = -1;
    private int bigBlind = -1;
    private long postedSmallBlind = -1;

    /** @param tableSmallBlind the header's small blind in hundredths, or -1 when unknown (fixed-limit headers show bets) */
    ActionLine(Ledger ledger, Notes notes, long tableSmallBlind) {
        this.ledger = ledger;
        this.notes = notes;
        this.tableSmallBlind = tableSmallBlind;
    }

    /** @param at index of the verb, just after the actor's name and its space */
    void read(int p, String line, int at, boolean blindsSection) {
        // Dispatch on the verb's first letter: this runs for every line of every hand.
        char verb = at < line.length() ? line.charAt(at) : ' ';
        switch (verb) {
            case 'p' -> {
                if (line.startsWith("posts ", at)) {
                    post(p, line, at + 6);
                    return;
                }
            }
            case 'f', 's', 'm' -> {
                if (line.startsWith("folds", at) || line.startsWith("shows", at) || line.startsWith("mucks", at)) {
                    ledger.mark(p);
                    return;
                }
            }
            case 'c' -> {
                if (line.startsWith("checks", at)) {
                    ledger.mark(p);
                    return;
                }
                if (line.startsWith("calls ", at)) {
                    bet(p, line, at + 6, blindsSection);
                    ledger.chose(p, false);
                    return;
                }
                if (line.startsWith("collected ", at)) {
                    ledger.collect(p, Money.tokenCents(line, at + 10));
                    return;
                }
            }
            case 'b' -> {
                if (line.startsWith("bets ", at)) {
                    bet(p, line, at + 5, blindsSection);
                    // A preflop "bets" (2010 files) is a raise over the blinds; later it opens the betting.
                    ledger.chose(p, true);
                    return;
                }
                if (line.startsWith("brings in ", at)) {
                    bet(p, line, at + 10, false); // forced, like a blind: not a choice
                    return;
                }
            }
            case 'r' -> {
                if (line.startsWith("raises ", at)) {
                    raise(p, line, at + 7, blindsSection);
                    return;
                }
            }
            case 'd' -> {
                if (line.startsWith("denies big blind", at)) {
                    return; // declines to post and sits out: not dealt in
                }
            }
            default -> {
            }
        }
        notes.add("unknown action: '" + line + "'");
    }

    private void post(int p, String line, int at) {
        if (line.startsWith("ante ", at)) {
            ledger.ante(p, Money.tokenCents(line, at + 5));
            return;
        }
        boolean small = line.startsWith("small blind ", at);
        if (!small && !line.startsWith("big blind ", at)) {
            notes.add("unknown post: '" + line + "'");
            return;
        }
        int amountAt = at + (small ? 12 : 10);
        long amount = Money.tokenCents(line, amountAt);
        boolean outOfPosition = line.startsWith(" out of position", Money.tokenEnd(line, amountAt));
        if (small && outOfPosition) {
            ledger.post(p, amount, livePart(amount));
        } else {
            ledger.post(p, amount, amount);
        }
        if (!outOfPosition && small && smallBlind < 0) {
            smallBlind = p;
            postedSmallBlind = amount;
        } else if (!outOfPosition && !small && bigBlind < 0) {
            bigBlind = p;
        }
    }

    private long livePart(long amount) {
        long sb = tableSmallBlind >= 0 ? tableSmallBlind : postedSmallBlind;
        if (sb < 0) {
            notes.add("out-of-position small blind without a known table small blind: counted as dead");
            return 0;
        }
        return Math.max(0, amount - sb);
    }

    private void bet(int p, String line, int at, boolean blindsSection) {
        ledger.add(p, Money.tokenCents(line, at));
        if (blindsSection) {
            notes.add("betting action inside ANTE/BLINDS, counted as preflop");
        }
    }

    private void raise(int p, String line, int at, boolean blindsSection) {
        int to = Money.tokenEnd(line, at);
        if (!line.startsWith(" to ", to)) {
            throw new MalformedLine("raise without ' to ': '" + line + "'");
        }
        Money.cents(line, at, to); // X is never used, but a malformed X means a corrupt line
        if (!ledger.raiseTo(p, Money.tokenCents(line, to + 4))) {
            notes.add("raise below the player's own street total: '" + line + "'");
        }
        // Stud's completion of the bring-in is written as a raise and counts as one.
        ledger.chose(p, true);
        if (blindsSection) {
            notes.add("betting action inside ANTE/BLINDS, counted as preflop");
        }
    }

    int smallBlind() {
        return smallBlind;
    }

    int bigBlind() {
        return bigBlind;
    }
}
