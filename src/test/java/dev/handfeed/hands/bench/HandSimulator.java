package dev.handfeed.hands.bench;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Plays one random hand at a generated table and writes it as Winamax text. */
final class HandSimulator {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");
    private static final String[] SHOWN = {"High card : Ace", "One pair : Jacks", "Two pairs : Kings and 9",
        "Trips of 6", "Straight Ten high", "Flush Jack high", "Full of Kings and Queens"};

    private final GameSpec spec;
    private final Random random;
    private final Deck deck;
    private String board = "";

    HandSimulator(GameSpec spec, Random random) {
        this.spec = spec;
        this.random = random;
        this.deck = new Deck(random);
    }

    GeneratedHand play(String handId, long epoch, List<SimSeat> seated, List<SimSeat> dealt, SimSeat button,
                       SimSeat hero) {
        StringBuilder out = new StringBuilder(1600);
        String time = LocalDateTime.ofEpochSecond(epoch, 0, ZoneOffset.UTC).format(DATE);
        out.append("Winamax Poker - ").append(spec.kind()).append(" - HandId: #").append(handId).append(" - ")
                .append(spec.game()).append(" (").append(spec.stakesText()).append(") - ").append(time).append(" UTC\n");
        out.append("Table: '").append(spec.tableName()).append("' ").append(spec.maxSeats()).append("-max (")
                .append(spec.unit().equals("PLAY") ? "play" : "real").append(" money)");
        out.append(spec.stud() ? "\n" : " Seat #" + button.number + " is the button\n");
        for (SimSeat s : seated) {
            out.append("Seat ").append(s.number).append(": ").append(s.name).append(" (").append(fmt(s.stack));
            out.append(spec.bounty() ? ", 2.25€ bounty)\n" : ")\n");
        }
        deck.shuffle();
        board = "";
        dealt.forEach(SimSeat::reset);
        out.append("*** ANTE/BLINDS ***\n");
        if (spec.ante() > 0) {
            for (SimSeat s : dealt) {
                long paid = s.put(spec.ante(), false);
                out.append(s.name).append(" posts ante ").append(fmt(paid)).append(allIn(s)).append('\n');
            }
        }
        boolean rakeable = spec.stud() ? new StudStreets(spec, random, deck, out).play(dealt, hero)
                : flopGame(dealt, dealt.indexOf(button), hero, out);
        List<SimSeat> standing = dealt.stream().filter(s -> !s.folded).toList();
        if (standing.size() > 1) {
            out.append("*** SHOW DOWN ***\n");
            for (SimSeat s : standing) {
                out.append(s.name).append(" shows [").append(s.cards).append("] (")
                        .append(SHOWN[random.nextInt(SHOWN.length)]).append(")\n");
            }
        }
        long rake = Pots.settle(dealt, spec, random, rakeable, out);
        return summary(out, handId, dealt, hero, rake);
    }

    private boolean flopGame(List<SimSeat> dealt, int button, SimSeat hero, StringBuilder out) {
        int n = dealt.size();
        int sb = n == 2 ? button : (button + 1) % n;
        int bb = (sb + 1) % n;
        long small = spec.fixedLimit() ? spec.big() / 2 : spec.small();
        long big = spec.big();
        post(dealt.get(sb), "small blind", small, out);
        post(dealt.get(bb), "big blind", big, out);
        for (SimSeat s : dealt) {
            s.cards = deck.deal(spec.holeCards());
        }
        if (dealt.contains(hero)) {
            out.append("Dealt to ").append(hero.name).append(" [").append(hero.cards).append("]\n");
        }
        out.append(random.nextBoolean() ? "*** PRE-FLOP *** \n" : "*** PRE-FLOP ***\n");
        BettingRound round = new BettingRound(spec, random, out);
        round.play(rotate(dealt, bb + 1), big, spec.fixedLimit() ? spec.big() : 0, true, false);
        String[] streets = {"FLOP", "TURN", "RIVER"};
        for (int k = 0; k < 3 && dealt.stream().filter(s -> !s.folded).count() > 1; k++) {
            dealt.forEach(s -> {
                s.street = 0;
                s.acted = false;
            });
            String cards = deck.deal(k == 0 ? 3 : 1);
            out.append("*** ").append(streets[k]).append(" *** ");
            out.append(board.isEmpty() ? "[" + cards + "]" : "[" + board + "][" + cards + "]").append('\n');
            board = board.isEmpty() ? cards : board + " " + cards;
            if (dealt.stream().filter(SimSeat::live).count() > 1) {
                round.play(rotate(dealt, button + 1), 0, spec.fixedLimit() ? spec.big() * (k == 0 ? 1 : 2) : 0, false, false);
            }
        }
        return !board.isEmpty();
    }

    private void post(SimSeat s, String blind, long amount, StringBuilder out) {
        long paid = s.put(amount, true);
        out.append(s.name).append(" posts ").append(blind).append(' ').append(fmt(paid)).append(allIn(s)).append('\n');
    }

    private GeneratedHand summary(StringBuilder out, String handId, List<SimSeat> dealt, SimSeat hero, long rake) {
        long total = 0;
        Map<String, java.math.BigDecimal> nets = new LinkedHashMap<>();
        for (SimSeat s : dealt) {
            total += s.collected;
            nets.put(s.name, Amounts.decimal(s.collected - s.invested, spec.unit()));
        }
        out.append("*** SUMMARY ***\nTotal pot ").append(fmt(total))
                .append(rake > 0 ? " | Rake " + fmt(rake) : " | No rake").append('\n');
        if (!board.isEmpty()) {
            out.append("Board: [").append(board).append("]\n");
        }
        for (SimSeat s : dealt) {
            if (s.collected > 0) {
                out.append("Seat ").append(s.number).append(": ").append(s.name).append(" won ")
                        .append(fmt(s.collected)).append('\n');
            }
        }
        boolean heroIn = hero != null && dealt.contains(hero);
        // Fixed limit: the big blind is the small bet (spec.big()); stud has a bring-in, no big blind.
        return new GeneratedHand(out.toString(), handId, spec.code(), spec.expectedStakes(), heroIn ? hero.name : null,
                heroIn ? nets.get(hero.name) : null, nets, Amounts.decimal(rake, spec.unit()),
                spec.stud() ? null : Amounts.decimal(spec.big(), spec.unit()), heroIn ? hero.vpip : null,
                heroIn ? hero.pfr : null);
    }

    static List<SimSeat> rotate(List<SimSeat> players, int start) {
        List<SimSeat> order = new ArrayList<>(players.size());
        for (int i = 0; i < players.size(); i++) {
            order.add(players.get((start + i) % players.size()));
        }
        return order;
    }

    private String allIn(SimSeat s) {
        return s.allIn() ? " and is all-in" : "";
    }

    private String fmt(long amount) {
        return Amounts.format(amount, spec.unit());
    }
}
