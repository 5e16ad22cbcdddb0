package dev.handfeed.hands;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One parsed hand: every field of the {@code new_hand} contract plus the accounting behind it.
 * Amounts are in the hand's {@link #currency()} unit (euros, play chips or tournament chips).
 *
 * @param handId       the whole {@code a-b-c} HandId, without {@code #}
 * @param timestamp    the header's date and time, labelled UTC by Winamax (RULES.md §3.2)
 * @param hero         the {@code Dealt to} name, or the configured HERO_NAME; null when unknown
 * @param heroResult   collected minus invested by the hero; null when the hero was not dealt in
 * @param heroPosition contract label; null when the hero was not dealt in or the game has no button
 * @param gameType     {@code NLH}, {@code PLO}, ... or the raw game name when the game is unknown
 * @param stakes       the header's last two amounts, currency removed ({@code 0.10/0.20}, {@code 100/200})
 * @param currency     {@code EUR} real-money cash, {@code PLAY} play-money cash, {@code CHIPS} tournaments
 * @param buttonSeat   the button seat of the table line, null when there is none (stud)
 * @param tournament   null for cash games
 * @param heroCards    the hero's cards (all seven in stud), empty when not dealt
 * @param board        the community cards dealt, empty when none
 * @param players      the players dealt in, by seat
 * @param balanced     whether everything put in (plus room money) minus collected minus rake is within 0.01
 * @param rake         the {@code Rake} of the summary, 0 for {@code No rake}
 * @param balanceDiff  put in minus collected minus rake (0 when balanced exactly)
 * @param kind         {@code CashGame}, {@code Tournament}, {@code HOLD-UP}, {@code Go Fast}, {@code ESCAPE} or as written
 * @param gameRaw      the game name as written in the header
 * @param stakesRaw    the stakes as written, currency signs included
 * @param ante         the ante of the header's stakes, or null
 * @param playMoney    {@code (play money)} in the table line (play-money tournaments too)
 * @param totalPot     the summary's {@code Total pot} ({@code 15.52k} read as 15520), or null
 * @param seated       number of seat lines, dealt in or not
 * @param notes        anything unusual found in the hand, in words
 * @param bigBlind     the header's big blind (fixed limit: its small bet); null for stud and unknown games
 * @param heroVpip     the hero called, bet, raised or completed in the first betting round (preflop, stud's
 *                     3rd street); posts and bring-ins are forced, not voluntary. Null when not dealt in
 * @param heroPfr      the hero bet, raised or completed in the first betting round; null when not dealt in
 */
public record Hand(String handId, Instant timestamp, String hero, BigDecimal heroResult, String heroPosition,
                   String gameType, String stakes, String currency, String table, int maxSeats, Integer buttonSeat,
                   Tournament tournament, List<String> heroCards, List<String> board, List<Player> players,
                   boolean balanced, BigDecimal rake, BigDecimal balanceDiff, String kind, String gameRaw,
                   String stakesRaw, BigDecimal ante, boolean playMoney, BigDecimal totalPot, int seated,
                   List<String> notes, BigDecimal bigBlind, Boolean heroVpip, Boolean heroPfr) {

    /** Whether the hero took part in the hand (has a result). */
    public boolean heroDealt() {
        return heroResult != null;
    }
}
