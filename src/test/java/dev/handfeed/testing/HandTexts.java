package dev.handfeed.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Winamax hands for watcher tests, numbered so that each has its own HandId. The hand is worked out by hand:
 * hero {@code ...Thor...} (seat 3, CO of four players dealt in) raises to 0.06, bets 0.08 on the flop, the big
 * blind folds: the hero collects 0.21 (his own 0.14 included) and nets {@code +0.07}.
 */
public final class HandTexts {

    public static final String HERO = "...Thor...";
    public static final String HERO_RESULT = "0.07";
    public static final String HERO_POSITION = "CO";
    private static final long FIRST_EPOCH = 1_483_850_712L;
    private static final DateTimeFormatter HEADER_TIME =
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private HandTexts() {
    }

    public static String handId(int n) {
        return handId(9401942, n);
    }

    /** The HandId of hand {@code n} at table {@code table}: another table id gives hands never seen before. */
    public static String handId(long table, int n) {
        return table + "-" + n + "-" + (FIRST_EPOCH + 30L * n);
    }

    /** When hand {@code n} was played, as its header says. */
    public static Instant playedAt(int n) {
        return Instant.ofEpochSecond(FIRST_EPOCH + 30L * n);
    }

    /** Hand {@code n}, followed by the two blank lines Winamax writes after every hand. */
    public static String cash(int n) {
        return cash(9401942, n);
    }

    /** Hand {@code n} of table {@code table}. */
    public static String cash(long table, int n) {
        return "Winamax Poker - CashGame - HandId: #" + handId(table, n) + " - Holdem no limit (0.01€/0.02€) - "
                + HEADER_TIME.format(playedAt(n)) + " UTC\n"
                + "Table: 'Nice' 5-max (real money) Seat #5 is the button\n"
                + "Seat 1: bilboquets (2€)\n"
                + "Seat 2: papynelson08 (2.04€)\n"
                + "Seat 3: ...Thor... (2€)\n"
                + "Seat 5: Moronar (1.96€)\n"
                + "*** ANTE/BLINDS ***\n"
                + "bilboquets posts small blind 0.01€\n"
                + "papynelson08 posts big blind 0.02€\n"
                + "Dealt to ...Thor... [Qd Qh]\n"
                + "*** PRE-FLOP *** \n"
                + "...Thor... raises 0.04€ to 0.06€\n"
                + "Moronar folds\n"
                + "bilboquets folds\n"
                + "papynelson08 calls 0.04€\n"
                + "*** FLOP *** [Ah 7c 2d]\n"
                + "papynelson08 checks\n"
                + "...Thor... bets 0.08€\n"
                + "papynelson08 folds\n"
                + "...Thor... collected 0.21€ from pot\n"
                + "*** SUMMARY ***\n"
                + "Total pot 0.21€ | No rake\n"
                + "Board: [Ah 7c 2d]\n"
                + "Seat 3: ...Thor... won 0.21€\n"
                + "\n\n";
    }

    /**
     * Hand {@code n} at another table, {@code Paris}, that the hero loses: he posts the big blind (seat 2, BB) and
     * folds to a raise, netting {@code -0.02}.
     */
    public static String bigBlindFold(int n) {
        return "Winamax Poker - CashGame - HandId: #" + handId(9401943, n) + " - Holdem no limit (0.01€/0.02€) - "
                + HEADER_TIME.format(playedAt(n)) + " UTC\n"
                + "Table: 'Paris' 5-max (real money) Seat #5 is the button\n"
                + "Seat 1: bilboquets (2€)\n"
                + "Seat 2: ...Thor... (2€)\n"
                + "Seat 3: papynelson08 (2.04€)\n"
                + "Seat 5: Moronar (1.96€)\n"
                + "*** ANTE/BLINDS ***\n"
                + "bilboquets posts small blind 0.01€\n"
                + "...Thor... posts big blind 0.02€\n"
                + "Dealt to ...Thor... [7c 2d]\n"
                + "*** PRE-FLOP *** \n"
                + "papynelson08 raises 0.04€ to 0.06€\n"
                + "Moronar folds\n"
                + "bilboquets folds\n"
                + "...Thor... folds\n"
                + "papynelson08 collected 0.09€ from pot\n"
                + "*** SUMMARY ***\n"
                + "Total pot 0.09€ | No rake\n"
                + "Seat 3: papynelson08 won 0.09€\n"
                + "\n\n";
    }

    /** A block that starts like a hand but is not one: the reader must report it and go on. */
    public static String corrupt(int n) {
        return "Winamax Poker - CashGame - HandId: #" + handId(n) + " - Holdem no limit (0.01€/0.02€) - "
                + HEADER_TIME.format(playedAt(n)) + " UTC\n"
                + "Table: 'Nice' 5-max (real money) Seat #5 is the button\n"
                + "this line does not belong in a hand\n"
                + "*** SUMMARY ***\n"
                + "Total pot 0.21€ | No rake\n"
                + "\n\n";
    }

    /** A tournament summary, as Winamax writes to {@code ..._summary.txt}. */
    public static String tournamentSummary() {
        return "Winamax Poker - Tournament summary : Expresso(193493816)\n"
                + "Player : I_LIMP_KQJT\n"
                + "Buy-In : 23.25€ + 1.75€\n"
                + "Registered players : 3\n"
                + "Mode : sng\n"
                + "Type : sitngo\n"
                + "Speed : turbo\n"
                + "Prizepool : 50€\n"
                + "Tournament started 2017/04/12 00:44:12 UTC\n"
                + "You played 3min 40s\n"
                + "You finished in 1st place\n"
                + "You won 50€\n";
    }

    /**
     * The first hand of a fixture file under {@code src/test/resources/hands}, given another HandId so that it is
     * news to the server: other games, tournaments and hands the hero was not dealt into, parsed exactly as tested.
     */
    public static String fromFixture(String fixture, String handId) {
        try (var in = HandTexts.class.getResourceAsStream("/hands/" + fixture)) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n");
            String hand = text.substring(text.indexOf("Winamax Poker"));
            hand = hand.substring(0, hand.indexOf("\n\n"));
            return hand.replaceFirst("HandId: #[0-9-]+", "HandId: #" + handId) + "\n\n\n";
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("No fixture " + fixture, e);
        }
    }
}
