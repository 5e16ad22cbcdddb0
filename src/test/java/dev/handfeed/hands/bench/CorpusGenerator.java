package dev.handfeed.hands.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A seeded stream of realistic Winamax hands of mixed games (cash NLH/PLO/PLO5/hi-lo/FLH/stud,
 * HOLD-UP, play money with antes, MTT with bounties and antes, Expresso, freerolls), grouped in sessions
 * at one table as real files are, with the rotating button, seated players sitting out and hands the
 * hero does not play. The same seed always produces the same bytes.
 */
public final class CorpusGenerator {

    private static final String[] NAMES = {"...Thor...", "SB Warrior34", "Le Yoyo14510", "Kool Shen", "7 7 7",
        "Laula⌃", "Art&mus", "Déglingos92", "#Hash-Man", "O'Brien", "solano_10-9s", "Bob", "Bob Smith",
        "Witty Kitty", "Incognito 2", "MILOU-12-", "élodie.v", "Jürgen", "I_M_ALL_IN", "fanf4K UR0",
        "Anonymous 3", "bilboquets", "papynelson08", "n00bish", "KeDuBluff_2A", "TIBONE 17", "Mr bulle"};

    private final Random random;
    private final List<GameSpec> games = GameSpec.catalogue();
    private long epoch = 1_700_000_000L;
    private long tableId = 9_401_942L;

    public CorpusGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** Generates {@code hands} hands, handing each to {@code sink} in file order. */
    public void generate(int hands, Consumer<GeneratedHand> sink) {
        int made = 0;
        while (made < hands) {
            GameSpec spec = games.get(random.nextInt(games.size()));
            int sessionHands = Math.min(hands - made, 5 + random.nextInt(25));
            session(spec, sessionHands, sink);
            made += sessionHands;
        }
    }

    /** The hands as one file's bytes (UTF-8, LF), separated by one to five blank lines. */
    public byte[] corpus(int hands, List<GeneratedHand> into) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(hands * 1200);
        generate(hands, hand -> {
            if (into != null) {
                into.add(hand);
            }
            byte[] text = hand.text().getBytes(StandardCharsets.UTF_8);
            bytes.write(text, 0, text.length);
            int blanks = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 2;
            for (int i = 0; i <= blanks - 1; i++) {
                bytes.write('\n');
            }
            bytes.write('\n');
        });
        return bytes.toByteArray();
    }

    private void session(GameSpec spec, int count, Consumer<GeneratedHand> sink) {
        int players = 2 + random.nextInt(spec.maxSeats() - 1);
        List<SimSeat> seated = new ArrayList<>();
        List<Integer> seats = new ArrayList<>();
        for (int s = 1; s <= spec.maxSeats(); s++) {
            seats.add(s);
        }
        java.util.Collections.shuffle(seats, random);
        List<Integer> chosen = new ArrayList<>(seats.subList(0, players));
        chosen.sort(null);
        List<String> names = new ArrayList<>(List.of(NAMES));
        java.util.Collections.shuffle(names, random);
        for (int i = 0; i < players; i++) {
            seated.add(new SimSeat(chosen.get(i), names.get(i), 0));
        }
        SimSeat hero = seated.get(random.nextInt(players));
        HandSimulator simulator = new HandSimulator(spec, random);
        long id = spec.tournament() ? 776_053_126_703_612_144L + random.nextInt(1_000_000) : tableId++;
        int button = random.nextInt(players);
        for (int h = 1; h <= count; h++) {
            epoch += 20 + random.nextInt(200);
            List<SimSeat> dealt = new ArrayList<>(seated);
            SimSeat buttonSeat = seated.get(button % players);
            if (players > 2 && random.nextInt(8) == 0) {
                // Someone sitting out: seated, printed, never dealt in (possibly the hero).
                SimSeat out = seated.get(random.nextInt(players));
                if (out != buttonSeat) {
                    dealt.remove(out);
                }
            }
            for (SimSeat s : seated) {
                s.stack = startingStack(spec);
            }
            sink.accept(simulator.play(id + "-" + h + "-" + epoch, epoch, seated, dealt, buttonSeat, hero));
            button++;
        }
    }

    private long startingStack(GameSpec spec) {
        long big = spec.big();
        return spec.tournament() ? big * (8 + random.nextInt(80)) : big * (20 + random.nextInt(180));
    }
}
