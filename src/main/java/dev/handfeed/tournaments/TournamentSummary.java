package dev.handfeed.tournaments;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the player into a tournament, as its summary block states it. Every field a block lacks is null;
 * nothing is derived from the file name or from hands. Amounts are exact, at the scale they are written with, in
 * the unit {@link #currency()} names.
 *
 * @param source            the file, as given to the parser
 * @param line              1-based line of the block's first line
 * @param entry             1-based number of the block in its file: Winamax appends one block per entry (re-entry)
 * @param tournamentId      the digits of the last {@code (digits)} of the first line
 * @param name              the first line's text before that group, as written ({@code TRILOGY 1€ - DAY 1H})
 * @param lateRegistration  the first line ends with {@code  - Late registration} (any case)
 * @param hero              {@code Player : <name>}, to the end of the line
 * @param buyIn             {@code Buy-In : ...}
 * @param rebuyCost         {@code Rebuy cost : ...}, the price of one rebuy
 * @param addonCost         {@code Addon cost : ...}, the price of one add-on
 * @param rebuys            {@code Your rebuys : n}
 * @param addons            {@code Your addons : n}
 * @param registeredPlayers {@code Registered players : n}
 * @param totalRebuys       {@code Total rebuys : n}, every player's
 * @param totalAddons       {@code Total addons : n}, every player's
 * @param prizePool         {@code Prizepool : ...}, the whole tournament's
 * @param mode              {@code Mode : ...} as written ({@code sng}, {@code tt})
 * @param type              {@code Type : ...} as written ({@code sitngo}, {@code knockout}, {@code flight})
 * @param speed             {@code Speed : ...} as written ({@code turbo}, {@code semiturbo}, {@code normal})
 * @param flightId          {@code Flight ID : n}
 * @param currency          {@code EUR} when an amount line of the block carries {@code €}; null when none does
 * @param startedAt         {@code Tournament started YYYY/MM/DD HH:MM:SS UTC}
 * @param playedSeconds     {@code You played [Hh ][Mmin ][Ss]}
 * @param finish            {@code You finished in <n>th place}; null for {@code ... place}
 * @param winnings          {@code You won ...}; nothing won when that line is absent after a known place; null
 *                          when neither the place nor a {@code You won} line says
 */
public record TournamentSummary(String source, long line, int entry, String tournamentId, String name,
                                boolean lateRegistration, String hero, BuyIn buyIn, BuyIn rebuyCost,
                                BuyIn addonCost, Integer rebuys, Integer addons, Integer registeredPlayers,
                                Integer totalRebuys, Integer totalAddons, BigDecimal prizePool, String mode,
                                String type, String speed, Integer flightId, String currency, Instant startedAt,
                                Long playedSeconds, Integer finish, Winnings winnings) {

    /**
     * What the entry cost: the buy-in, plus each of the player's rebuys and add-ons at their stated cost. Null
     * when the buy-in is not known (no line, or a ticket), or when rebuys or add-ons were bought at a cost the
     * block does not give.
     */
    public BigDecimal totalBuyIn() {
        BigDecimal total = buyIn == null ? null : buyIn.total();
        total = plus(total, rebuys, rebuyCost);
        return plus(total, addons, addonCost);
    }

    /**
     * Winnings in money (cash and bounties) minus {@link #totalBuyIn()}. Null when either is unknown, and when a
     * ticket was won: its value is not money the file states, and leaving it out would show a loss.
     */
    public BigDecimal net() {
        BigDecimal cost = totalBuyIn();
        if (cost == null || winnings == null || !winnings.tickets().isEmpty()) {
            return null;
        }
        return winnings.money().subtract(cost);
    }

    /** The same entry with another hero: HERO_NAME for a block without a {@code Player} line. */
    public TournamentSummary withHero(String player) {
        return new TournamentSummary(source, line, entry, tournamentId, name, lateRegistration, player, buyIn,
                rebuyCost, addonCost, rebuys, addons, registeredPlayers, totalRebuys, totalAddons, prizePool, mode,
                type, speed, flightId, currency, startedAt, playedSeconds, finish, winnings);
    }

    private static BigDecimal plus(BigDecimal total, Integer count, BuyIn cost) {
        if (total == null || count == null || count == 0) {
            return total;
        }
        BigDecimal each = cost == null ? null : cost.total();
        return each == null ? null : total.add(each.multiply(BigDecimal.valueOf(count)));
    }
}
