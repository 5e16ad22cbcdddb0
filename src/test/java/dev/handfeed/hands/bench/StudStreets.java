package dev.handfeed.hands.bench;

import java.util.List;
import java.util.Random;

/**
 * 3rd to 7th street of a generated 7-card stud hand: {@code Dealt to} lines for every player (opponents'
 * hidden cards as {@code X}), a bring-in, the completion written {@code raises 25€ to 25€}, fixed bets.
 */
final class StudStreets {

    private final GameSpec spec;
    private final Random random;
    private final Deck deck;
    private final StringBuilder out;

    StudStreets(GameSpec spec, Random random, Deck deck, StringBuilder out) {
        this.spec = spec;
        this.random = random;
        this.deck = deck;
        this.out = out;
    }

    /** @return true when the hand reached 4th street (the rake applies) */
    boolean play(List<SimSeat> dealt, SimSeat hero) {
        BettingRound round = new BettingRound(spec, random, out);
        String[] shown = new String[dealt.size()];
        boolean rakeable = false;
        for (int street = 3; street <= 7; street++) {
            if (dealt.stream().filter(s -> !s.folded).count() < 2) {
                break;
            }
            out.append("*** ").append(street).append(street == 3 ? "rd" : "th").append(" STREET ***\n");
            rakeable = street >= 4;
            for (int i = 0; i < dealt.size(); i++) {
                SimSeat s = dealt.get(i);
                if (s.folded) {
                    continue;
                }
                s.street = 0;
                s.acted = false;
                String card = deck.deal(street == 3 ? 3 : 1);
                boolean hidden = street == 7 && s != hero;
                String visible = street == 3 ? (s == hero ? card : "X X " + card.substring(6)) : hidden ? "X" : card;
                out.append("Dealt to ").append(s.name).append(" [")
                        .append(street == 3 ? visible : (s == hero ? s.cards : shown[i]) + "] [" + visible).append("]\n");
                shown[i] = street == 3 ? visible : shown[i] + " " + visible;
                s.cards = s.cards.isEmpty() ? card : s.cards + " " + card;
            }
            long bet = street <= 4 ? spec.big() : spec.big() * 2;
            if (dealt.stream().filter(SimSeat::live).count() < 2) {
                continue;
            }
            if (street == 3) {
                int bringer = random.nextInt(dealt.size());
                SimSeat b = dealt.get(bringer);
                long paid = b.put(spec.small(), true);
                out.append(b.name).append(" brings in ").append(Amounts.format(paid, spec.unit()))
                        .append(b.allIn() ? " and is all-in" : "").append('\n');
                round.play(HandSimulator.rotate(dealt, bringer + 1), b.street, bet, true, true);
            } else {
                round.play(HandSimulator.rotate(dealt, random.nextInt(dealt.size())), 0, bet, false, false);
            }
        }
        return rakeable;
    }
}
