package dev.handfeed.hands.bench;

import java.util.List;
import java.util.Random;

/**
 * One street of betting among generated players, written as Winamax action lines. Decisions are random
 * but legal: calls add what is owed, {@code raises X to Y} states the street total, stacks cap everything.
 */
final class BettingRound {

    private final GameSpec spec;
    private final Random random;
    private final StringBuilder out;

    BettingRound(GameSpec spec, Random random, StringBuilder out) {
        this.spec = spec;
        this.random = random;
        this.out = out;
    }

    /**
     * @param order      players in acting order
     * @param currentBet the street total to match (blinds or bring-in already posted)
     * @param betSize    fixed-limit bet for this street, or 0 for pot-sized decisions
     * @param firstRound preflop or stud's 3rd street: calls, bets and raises are marked VPIP / PFR
     */
    void play(List<SimSeat> order, long currentBet, long betSize, boolean firstRound, boolean studCompletion) {
        long bet = currentBet;
        long minRaise = spec.big();
        int raises = 0;
        int n = order.size();
        for (int turn = 0; turn < n * 8; turn++) {
            SimSeat p = order.get(turn % n);
            if (standing(order) <= 1) {
                return;
            }
            if (p.folded || p.allIn() || (p.acted && p.street == bet)) {
                if (everyoneDone(order, bet)) {
                    return;
                }
                continue;
            }
            long owe = bet - p.street;
            double r = random.nextDouble();
            boolean canRaise = raises < 3 && raisersLeft(order, p) > 0;
            if (canRaise && (owe == 0 ? r < 0.3 : r > 0.88)) {
                long target = betSize > 0 ? bet + betSize : bet + Math.max(minRaise, potSized(order));
                if (studCompletion && raises == 0) {
                    target = betSize;
                }
                long paid = p.put(target - p.street, true);
                String allIn = p.allIn() ? " and is all-in" : "";
                p.vpip |= firstRound;
                if (p.street <= bet) {
                    out.append(p.name).append(" calls ").append(fmt(paid)).append(allIn).append('\n');
                } else {
                    p.pfr |= firstRound;
                    if (bet == 0) {
                        out.append(p.name).append(" bets ").append(fmt(paid)).append(allIn).append('\n');
                    } else {
                        long size = studCompletion && raises == 0 ? p.street : p.street - bet;
                        out.append(p.name).append(" raises ").append(fmt(size)).append(" to ").append(fmt(p.street))
                                .append(allIn).append('\n');
                    }
                    minRaise = Math.max(minRaise, p.street - bet);
                    bet = p.street;
                    raises++;
                    order.forEach(o -> o.acted = false);
                }
            } else if (owe == 0) {
                out.append(p.name).append(" checks\n");
            } else if (r < 0.4) {
                p.folded = true;
                out.append(p.name).append(" folds\n");
            } else {
                p.vpip |= firstRound;
                long paid = p.put(owe, true);
                out.append(p.name).append(" calls ").append(fmt(paid)).append(p.allIn() ? " and is all-in" : "")
                        .append('\n');
            }
            p.acted = true;
        }
    }

    private long potSized(List<SimSeat> order) {
        long pot = 0;
        for (SimSeat s : order) {
            pot += s.invested;
        }
        long size = (long) (pot * (0.4 + random.nextDouble() * 0.7));
        return spec.unit().equals("CHIPS") ? size - size % 5 : size;
    }

    private static int standing(List<SimSeat> order) {
        int standing = 0;
        for (SimSeat s : order) {
            standing += s.folded ? 0 : 1;
        }
        return standing;
    }

    private static int raisersLeft(List<SimSeat> order, SimSeat self) {
        int others = 0;
        for (SimSeat s : order) {
            others += s != self && s.live() ? 1 : 0;
        }
        return others;
    }

    private static boolean everyoneDone(List<SimSeat> order, long bet) {
        for (SimSeat s : order) {
            if (s.live() && (!s.acted || s.street != bet)) {
                return false;
            }
        }
        return true;
    }

    private String fmt(long amount) {
        return Amounts.format(amount, spec.unit());
    }
}
