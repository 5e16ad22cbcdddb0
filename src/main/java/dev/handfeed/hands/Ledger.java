package dev.handfeed.hands;

/**
 * Per-player money of one hand in hundredths, following RULES.md §3.6: what each player put in (antes,
 * blinds, calls, bets, raise increments) and collected. {@code raises X to Y} adds {@code Y - own street
 * total}; X is never used because Winamax writes it inconsistently (stud completions, raises over dead
 * blinds). Also whether each player put money in by choice, and raised, in the first betting round
 * (preflop, or stud's 3rd street): forced posts never count.
 */
final class Ledger {

    private final long[] invested;
    private final long[] collected;
    private final long[] street;
    private final boolean[] dealt;
    private final boolean[] voluntary;
    private final boolean[] raised;
    private boolean firstRound = true;
    private long dropped;

    Ledger(int players) {
        invested = new long[players];
        collected = new long[players];
        street = new long[players];
        dealt = new boolean[players];
        voluntary = new boolean[players];
        raised = new boolean[players];
    }

    /** Antes are paid but are not part of the street total that later raises are measured against. */
    void ante(int p, long amount) {
        invested[p] += amount;
        dealt[p] = true;
    }

    /** A post whose {@code live} part counts toward the street total (a dead small blind has none). */
    void post(int p, long amount, long live) {
        invested[p] += amount;
        street[p] += live;
        dealt[p] = true;
    }

    /** calls X, bets X, brings in X: X is the amount added by this action. */
    void add(int p, long amount) {
        invested[p] += amount;
        street[p] += amount;
        dealt[p] = true;
    }

    /** raises X to Y; returns false (and adds nothing) when Y is below what the player already has in. */
    boolean raiseTo(int p, long total) {
        dealt[p] = true;
        if (total < street[p]) {
            return false;
        }
        invested[p] += total - street[p];
        street[p] = total;
        return true;
    }

    void collect(int p, long amount) {
        collected[p] += amount;
        dealt[p] = true;
    }

    /** folds, checks, shows, mucks, Dealt to: no money, but the player is in the hand. */
    void mark(int p) {
        dealt[p] = true;
    }

    /** A call, bet, raise or stud completion: money put in by choice; {@code raise} for bets, raises, completions. */
    void chose(int p, boolean raise) {
        if (firstRound) {
            voluntary[p] = true;
            raised[p] |= raise;
        }
    }

    /** Room money added to the pot ({@code Hold-up to Pot: total X}): paid in by nobody at the table. */
    void drop(long amount) {
        dropped += amount;
    }

    void newStreet() {
        java.util.Arrays.fill(street, 0);
        firstRound = false;
    }

    boolean dealt(int p) {
        return dealt[p];
    }

    /** Put money in by choice in the first betting round (VPIP). */
    boolean voluntary(int p) {
        return voluntary[p];
    }

    /** Bet, raised or completed in the first betting round (PFR). */
    boolean raised(int p) {
        return raised[p];
    }

    long invested(int p) {
        return invested[p];
    }

    long collected(int p) {
        return collected[p];
    }

    long collectedTotal() {
        long total = 0;
        for (long c : collected) {
            total += c;
        }
        return total;
    }

    /** Everything put in (by players and by the room) minus everything collected minus rake: 0 when sound. */
    long imbalance(long rake) {
        long balance = dropped - rake;
        for (int i = 0; i < invested.length; i++) {
            balance += invested[i] - collected[i];
        }
        return balance;
    }
}
