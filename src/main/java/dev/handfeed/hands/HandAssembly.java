package dev.handfeed.hands;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Turns what {@link HandParser} read into a {@link Hand}: hero, positions, balance check, notes. */
final class HandAssembly {

    private HandAssembly() {
    }

    static Hand build(Header header, TableLine table, Stakes stakes, Seats seats, Ledger ledger, ActionLine actions,
                      HandBody body, Notes notes, String heroOverride) {
        boolean stud = GameType.stud(header.gameRaw());
        String[] positions = Positions.assign(seats, ledger, stud ? null : table.buttonSeat(),
                actions.smallBlind(), actions.bigBlind());
        boolean chips = header.tournament();
        List<Player> players = players(seats, ledger, positions, notes, chips);
        int hero = body.hero();
        boolean heroDealt = hero >= 0 && ledger.dealt(hero);
        BigDecimal heroResult = heroDealt ? unit(ledger.collected(hero) - ledger.invested(hero), chips) : null;
        String heroName = heroOverride != null ? heroOverride : hero >= 0 ? seats.name(hero) : null;
        long rake = Math.max(0, body.rake());
        long diff = ledger.imbalance(rake);
        boolean balanced = Math.abs(diff) <= 1;
        String code = GameType.code(header.gameRaw());
        check(header, body, ledger, diff, code, chips, notes);
        Tournament tournament = header.tournament()
                ? new Tournament(header.tournamentName(), tournamentId(table.name()), header.buyIn(), header.level())
                : null;
        String currency = header.tournament() ? "CHIPS" : table.playMoney() ? "PLAY" : "EUR";
        return new Hand(header.handId(), header.timestamp(), heroName, heroResult, heroDealt ? positions[hero] : null,
                code != null ? code : header.gameRaw(), stakes.text(), currency, table.name(), table.maxSeats(),
                table.buttonSeat(), tournament, hero >= 0 ? Cards.parse(body.heroCards()) : List.of(),
                Cards.parse(body.board()), players, balanced, unit(rake, chips), unit(diff, chips), header.kind(),
                header.gameRaw(), header.stakesRaw(), stakes.ante(), table.playMoney(), body.totalPot(), seats.count(),
                notes.toList(), bigBlind(header, stakes, code, chips), heroDealt ? ledger.voluntary(hero) : null,
                heroDealt ? ledger.raised(hero) : null);
    }

    /**
     * The header's big blind, not a posted one: a short stack posts less, and a newcomer posts out of turn.
     * Fixed-limit headers show the bets, and there the big blind is the small bet (the fixed-limit sample's
     * {@code (0.05€/0.10€)} posts a 0.05 big blind). Stud has antes and a bring-in, no blinds; a game the
     * contract does not name (Razz, draw games) is not read at all rather than read wrong.
     */
    private static BigDecimal bigBlind(Header header, Stakes stakes, String code, boolean chips) {
        if (code == null || GameType.stud(header.gameRaw())) {
            return null;
        }
        long big = GameType.fixedLimit(header.gameRaw()) ? stakes.smallBlind() : stakes.last();
        return big > 0 ? unit(big, chips) : null;
    }

    /** Notes for what a reader of the hand should know: unbalanced pots, odd headers, unknown games. */
    private static void check(Header header, HandBody body, Ledger ledger, long diff, String code, boolean chips,
                              Notes notes) {
        if (body.rake() < 0) {
            notes.add("no 'Total pot' line in the summary: rake taken as 0");
        }
        if (Math.abs(diff) > 1) {
            notes.add("unbalanced: put in - collected - rake = " + unit(diff, chips).toPlainString());
        }
        if (body.totalPot() != null) {
            long collected = ledger.collectedTotal();
            // "15.52k" (2010-2011 tournaments) is rounded to 10 chips; exact totals must match to the cent.
            long tolerance = body.totalPotAbbreviated() ? 500 : 1;
            if (Math.abs(body.totalPot().movePointRight(2).longValue() - collected) > tolerance) {
                notes.add("'Total pot " + body.totalPot().toPlainString() + "' differs from the collected total "
                        + unit(collected, chips).toPlainString());
            }
        }
        if (code == null) {
            notes.add("unknown game '" + header.gameRaw() + "'");
        }
        if (header.prefixStripped()) {
            notes.add("header without 'Winamax Poker - ' prefix");
        }
        if (!header.tournament() && header.pool() == null && !"CashGame".equals(header.kind())) {
            notes.add("unknown hand kind '" + header.kind() + "', read as a cash game");
        }
    }

    private static List<Player> players(Seats seats, Ledger ledger, String[] positions, Notes notes, boolean chips) {
        List<Player> players = new ArrayList<>(seats.count());
        for (int i = 0; i < seats.count(); i++) {
            if (!ledger.dealt(i)) {
                continue;
            }
            long stack = seats.stack(i);
            if (stack >= 0 && ledger.invested(i) > stack) {
                notes.add(seats.name(i) + " put in " + unit(ledger.invested(i), chips).toPlainString()
                        + ", more than the stack " + unit(stack, chips).toPlainString());
            }
            players.add(new Player(seats.seat(i), seats.name(i), positions[i],
                    unit(ledger.collected(i) - ledger.invested(i), chips), unit(ledger.invested(i), chips),
                    unit(ledger.collected(i), chips)));
        }
        if (!sortedBySeat(players)) {
            players.sort((a, b) -> Integer.compare(a.seat(), b.seat()));
        }
        return List.copyOf(players);
    }

    private static boolean sortedBySeat(List<Player> players) {
        for (int i = 1; i < players.size(); i++) {
            if (players.get(i - 1).seat() > players.get(i).seat()) {
                return false;
            }
        }
        return true;
    }

    /** Tournament chips as whole numbers (halves kept: {@code 422.5}); euros and play money to the cent. */
    private static BigDecimal unit(long cents, boolean chips) {
        if (!chips) {
            return BigDecimal.valueOf(cents, 2);
        }
        if (cents % 100 == 0) {
            return BigDecimal.valueOf(cents / 100);
        }
        return cents % 10 == 0 ? BigDecimal.valueOf(cents / 10, 1) : BigDecimal.valueOf(cents, 2);
    }

    /** {@code NOCTAMBULE(180688705)#004} → {@code 180688705}; the HandId does not carry it. */
    static String tournamentId(String table) {
        int end = table.lastIndexOf(")#");
        if (end < 0) {
            return null;
        }
        int start = end;
        while (start > 0 && Character.isDigit(table.charAt(start - 1))) {
            start--;
        }
        return start < end && start > 0 && table.charAt(start - 1) == '(' ? table.substring(start, end) : null;
    }
}
