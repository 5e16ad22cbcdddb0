package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole-hand rules: positions, HERO_NAME, error context, unknown games, and mutated hands. */
class HandParserTest {

    /** The contract's table: labels counted back from the button among n players, then BTN SB BB. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        2  | BTN BB
        3  | BTN SB BB
        4  | CO BTN SB BB
        5  | MP CO BTN SB BB
        6  | UTG MP CO BTN SB BB
        7  | UTG UTG+1 MP CO BTN SB BB
        8  | UTG UTG+1 MP HJ CO BTN SB BB
        9  | UTG UTG+1 UTG+2 MP HJ CO BTN SB BB
        10 | UTG UTG+1 UTG+2 MP MP+1 HJ CO BTN SB BB
        """)
    void positionsFollowTheContractTable(int n, String labels) throws HandParseException {
        List<String> want = Arrays.asList(labels.split(" "));
        for (int button = 1; button <= n; button++) {
            Hand hand = new HandParser().parse(ring(n, button), "ring", 1);
            for (Player p : hand.players()) {
                // Seat k sits (k - button) places after the button: the first player in the list is
                // the one right after the BB, so index = (k - button - 3) mod n, heads-up aside.
                int after = Math.floorMod(p.seat() - button, n);
                String label = n == 2 ? (after == 0 ? "BTN" : "BB")
                        : after == 0 ? "BTN" : after == 1 ? "SB" : after == 2 ? "BB" : want.get(after - 3);
                assertEquals(label, p.position(), "n=" + n + " button=" + button + " seat " + p.seat());
            }
        }
    }

    /** A hand with n players in seats 1..n, everybody folding to the big blind. */
    private static List<String> ring(int n, int button) {
        List<String> lines = new ArrayList<>();
        lines.add("Winamax Poker - CashGame - HandId: #1-" + n + "-" + button + " - Holdem no limit (1€/2€) - 2020/01/01 00:00:00 UTC");
        lines.add("Table: 'Ring' 10-max (real money) Seat #" + button + " is the button");
        for (int s = 1; s <= n; s++) {
            lines.add("Seat " + s + ": P" + s + " (100€)");
        }
        int sb = n == 2 ? button : button % n + 1;
        int bb = sb % n + 1;
        lines.add("*** ANTE/BLINDS ***");
        lines.add("P" + sb + " posts small blind 1€");
        lines.add("P" + bb + " posts big blind 2€");
        lines.add("*** PRE-FLOP ***");
        for (int k = 1; k < n; k++) {
            lines.add("P" + ((bb + k - 1) % n + 1) + " folds");
        }
        lines.add("P" + bb + " collected 3€ from pot");
        lines.add("*** SUMMARY ***");
        lines.add("Total pot 3€ | No rake");
        return lines;
    }

    @Test
    void heroNameOverridesDetection() {
        List<HandEvent> thor = new HandParser("...Thor...").parseAll(Fixtures.bytes("hero_not_dealt.txt"), "h");
        Hand sittingOut = assertInstanceOf(HandEvent.Parsed.class, thor.get(0)).hand();
        assertEquals("...Thor...", sittingOut.hero());
        assertNull(sittingOut.heroResult(), "seated but not dealt in");
        assertNull(sittingOut.heroPosition());
        Hand button = assertInstanceOf(HandEvent.Parsed.class,
                new HandParser("n00bish").parseAll(Fixtures.bytes("hero_not_dealt.txt"), "h").get(0)).hand();
        assertEquals("n00bish", button.hero());
        FixtureTest.assertAmount("0.03", button.heroResult(), "n00bish result");
        assertEquals("BTN", button.heroPosition());
        Hand stud = assertInstanceOf(HandEvent.Parsed.class,
                new HandParser("Player1").parseAll(Fixtures.bytes("cash_stud.txt"), "s").get(0)).hand();
        assertEquals(List.of("X", "X", "Jh", "Jc", "6s", "Ts", "X"), stud.heroCards(), "what Player1's lines show");
        FixtureTest.assertAmount("-33", stud.heroResult(), "Player1 result");
    }

    @Test
    void parseErrorsNameFileLineAndHand() {
        List<String> lines = new ArrayList<>(List.of(new String(Fixtures.bytes("cash_plh_hero_sb.txt"),
                StandardCharsets.UTF_8).split("\n")));
        lines.set(12, "n00bish raises 1.25€ 1.75€");
        HandParseException e = assertThrows(HandParseException.class, () -> new HandParser().parse(lines, "x.txt", 101));
        assertEquals("x.txt", e.source());
        assertEquals(113, e.line());
        assertEquals("9870001-15-1700000000", e.handId());
        assertTrue(e.getMessage().startsWith("x.txt:113: raise without ' to '"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(hand 9870001-15-1700000000)"), e.getMessage());
    }

    @Test
    void unknownGamesKeepTheirNameAndNeverFailTheHand() throws HandParseException {
        List<String> lines = new ArrayList<>(ring(3, 1));
        lines.set(0, lines.get(0).replace("Holdem no limit", "2-7 Triple Draw fixed limit"));
        Hand hand = new HandParser().parse(lines, "g", 1);
        assertEquals("2-7 Triple Draw fixed limit", hand.gameType());
        assertTrue(hand.notes().contains("unknown game '2-7 Triple Draw fixed limit'"), hand.notes().toString());
    }

    /** Mutated real hands (lines dropped, cut, doubled, bytes changed) give a hand or a parse error, nothing else. */
    @Test
    void mutatedHandsNeverThrowAnythingButAParseError() {
        Random random = new Random(11);
        List<String> files = Fixtures.files();
        int errors = 0;
        for (int round = 0; round < 3000; round++) {
            String text = new String(Fixtures.bytes(files.get(random.nextInt(files.size()))), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n")));
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n && !lines.isEmpty(); k++) {
                int i = random.nextInt(lines.size());
                String line = lines.get(i);
                switch (random.nextInt(4)) {
                    case 0 -> lines.remove(i);
                    case 1 -> lines.set(i, line.substring(0, random.nextInt(line.length() + 1)));
                    case 2 -> lines.add(i, line);
                    default -> {
                        char[] chars = line.toCharArray();
                        if (chars.length > 0) {
                            chars[random.nextInt(chars.length)] = "€ ()[]#-'0.xX:|".charAt(random.nextInt(15));
                        }
                        lines.set(i, new String(chars));
                    }
                }
            }
            byte[] bytes = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
            for (HandEvent e : new HandParser().parseAll(bytes, "mutant")) {
                if (e instanceof HandEvent.Failed f) {
                    errors++;
                    assertTrue(f.error().getCause() == null, () -> "parser bug: " + f.error().getCause());
                }
            }
        }
        assertTrue(errors > 100, "mutations should break some hands: " + errors);
    }
}
