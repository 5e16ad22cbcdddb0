package dev.handfeed.hands.bench;

import java.util.List;

/**
 * One kind of table the generator can produce. Amounts are in minor units: cents for euros and play
 * money, whole chips for tournaments.
 *
 * @param kind       header kind text before {@code " - HandId"}, e.g. {@code CashGame} or {@code Tournament "X" buyIn: ...}
 * @param game       header game name, e.g. {@code Holdem no limit}
 * @param code       the contract's game_type for that game
 * @param unit       {@code EUR}, {@code PLAY} or {@code CHIPS}
 * @param tableName  table name as in the table line
 * @param maxSeats   N of {@code N-max}
 * @param small      small blind (stud: bring-in)
 * @param big        big blind (stud and fixed limit: small bet; big bet is twice that)
 * @param ante       ante, 0 for none
 * @param holeCards  cards dealt to each player (2, 4, 5; 7 for stud over the streets)
 * @param hiLo       pots are split HI/LO
 * @param fixedLimit bets are fixed sizes; the header shows the bets
 * @param stud       7-card stud: no button, no board, {@code Dealt to} for everyone
 * @param bounty     knockout tournament: seat lines carry a bounty
 */
record GameSpec(String kind, String game, String code, String unit, String tableName, int maxSeats, long small,
                long big, long ante, int holeCards, boolean hiLo, boolean fixedLimit, boolean stud, boolean bounty) {

    boolean tournament() {
        return unit.equals("CHIPS");
    }

    /** The header's stakes text, as Winamax writes it. */
    String stakesText() {
        String sb = fixedLimit || stud ? Amounts.format(big, unit) : Amounts.format(small, unit);
        String bb = fixedLimit || stud ? Amounts.format(big * 2, unit) : Amounts.format(big, unit);
        return ante > 0 ? Amounts.format(ante, unit) + "/" + sb + "/" + bb : sb + "/" + bb;
    }

    /** The stakes the parser must report: the header's last two amounts without currency. */
    String expectedStakes() {
        String text = stakesText().replace("€", "");
        String[] parts = text.split("/");
        return parts[parts.length - 2] + "/" + parts[parts.length - 1];
    }

    static List<GameSpec> catalogue() {
        return List.of(
            new GameSpec("CashGame", "Holdem no limit", "NLH", "EUR", "Nice 09", 5, 1, 2, 0, 2, false, false, false, false),
            new GameSpec("CashGame", "Holdem no limit", "NLH", "EUR", "Gold Coast-Tweed 12", 6, 25, 50, 0, 2, false, false, false, false),
            new GameSpec("CashGame", "Holdem no limit", "NLH", "EUR", "Chelles", 9, 2, 5, 0, 2, false, false, false, false),
            new GameSpec("HOLD-UP \"Colorado\"", "Holdem no limit", "NLH", "EUR", "Colorado", 6, 1, 2, 0, 2, false, false, false, false),
            new GameSpec("CashGame", "Holdem no limit", "NLH", "PLAY", "Guadalupe", 5, 10, 20, 3, 2, false, false, false, false),
            new GameSpec("CashGame", "Omaha pot limit", "PLO", "EUR", "Göttingen 04", 5, 50, 100, 0, 4, false, false, false, false),
            new GameSpec("CashGame", "5 Card Omaha pot limit", "PLO5", "EUR", "Middlesbrough 02", 6, 100, 200, 0, 5, false, false, false, false),
            new GameSpec("CashGame", "Omaha Hi/Lo pot limit", "PLO8", "EUR", "Derby", 6, 5, 10, 0, 4, true, false, false, false),
            new GameSpec("CashGame", "5 Card Omaha Hi/Lo pot limit", "PLO5-8", "EUR", "Marbella", 6, 100, 200, 0, 5, true, false, false, false),
            new GameSpec("CashGame", "Holdem fixed limit", "FLH", "EUR", "Ostrava", 6, 5, 10, 0, 2, false, true, false, false),
            new GameSpec("CashGame", "7-Card Stud fixed limit", "STUD", "EUR", "Pampelune", 6, 1000, 2500, 500, 7, false, true, true, false),
            new GameSpec("Tournament \"#30 - W SERIES - MYSTERY REBUY\" buyIn: 4.50€ + 0.50€ level: 22", "Holdem no limit",
                    "NLH", "CHIPS", "#30 - W SERIES - MYSTERY REBUY(827696740)#0059", 6, 4000, 8000, 1000, 2, false, false, false, true),
            new GameSpec("Tournament \"Expresso\" buyIn: 1.86€ + 0.14€ level: 1", "Holdem no limit", "NLH", "CHIPS",
                    "Expresso(1124364443)#0", 3, 10, 20, 0, 2, false, false, false, false),
            new GameSpec("Tournament \"No Limit Hold'em\" buyIn: 0,90€ + 0,10€ level: 3", "Holdem no limit", "NLH", "CHIPS",
                    "No Limit Hold'em(1853325)#0", 10, 30, 60, 0, 2, false, false, false, false),
            new GameSpec("Tournament \"Freeroll\" buyIn: 0€ + 0€ level: 4", "Omaha pot limit", "PLO", "CHIPS",
                    "Freeroll(180688949)#0239", 6, 30, 60, 0, 4, false, false, false, false));
    }
}
