package dev.handfeed.hands.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Splits what the generated players put in into a main pot and side pots, takes the rake from the main
 * pot and writes the {@code collected} lines. Like Winamax, an uncalled bet is not returned on a line of
 * its own: it is the top "side pot" that only its bettor is eligible for, or part of {@code pot}.
 */
final class Pots {

    private Pots() {
    }

    /** @return the rake taken */
    static long settle(List<SimSeat> dealt, GameSpec spec, Random random, boolean rakeable, StringBuilder out) {
        List<SimSeat> standing = new ArrayList<>();
        long total = 0;
        for (SimSeat s : dealt) {
            total += s.invested;
            if (!s.folded) {
                standing.add(s);
            }
        }
        long rake = rakeable && !spec.tournament() ? Math.min(total * 5 / 100, spec.unit().equals("EUR") ? 300 : 5000) : 0;
        if (standing.size() == 1) {
            collect(standing.get(0), total - rake, "pot", spec, out);
            return rake;
        }
        List<Long> levels = standing.stream().map(s -> s.invested).distinct().sorted().toList();
        long[] amounts = new long[levels.size()];
        long previous = 0;
        for (int k = 0; k < levels.size(); k++) {
            long level = levels.get(k);
            for (SimSeat s : dealt) {
                amounts[k] += Math.min(s.invested, level) - Math.min(s.invested, previous);
                if (k == levels.size() - 1 && s.invested > level) {
                    amounts[k] += s.invested - level;
                }
            }
            previous = level;
        }
        rake = Math.min(rake, amounts[0]);
        amounts[0] -= rake;
        for (int k = levels.size() - 1; k >= 0; k--) {
            long level = levels.get(k);
            List<SimSeat> eligible = standing.stream().filter(s -> s.invested >= level).toList();
            String label = levels.size() == 1 ? "pot" : k == 0 ? "main pot" : "side pot " + k;
            award(eligible, amounts[k], label, levels.size() == 1 && spec.hiLo(), spec, random, out);
        }
        return rake;
    }

    private static void award(List<SimSeat> eligible, long amount, String label, boolean hiLo, GameSpec spec,
                              Random random, StringBuilder out) {
        SimSeat first = eligible.get(random.nextInt(eligible.size()));
        if (hiLo && amount >= 2) {
            SimSeat low = eligible.get(random.nextInt(eligible.size()));
            String space = random.nextBoolean() ? "" : " ";
            collect(first, amount - amount / 2, label + space + "(HI)", spec, out);
            collect(low, amount / 2, label + space + "(LO)", spec, out);
        } else if (eligible.size() > 1 && random.nextInt(10) == 0) {
            SimSeat second = eligible.get((eligible.indexOf(first) + 1) % eligible.size());
            collect(first, amount - amount / 2, label, spec, out);
            collect(second, amount / 2, label, spec, out);
        } else {
            collect(first, amount, label, spec, out);
        }
    }

    private static void collect(SimSeat s, long amount, String label, GameSpec spec, StringBuilder out) {
        if (amount == 0) {
            return;
        }
        s.collected += amount;
        out.append(s.name).append(" collected ").append(Amounts.format(amount, spec.unit())).append(" from ")
                .append(label).append('\n');
    }
}
