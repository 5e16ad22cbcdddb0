package dev.handfeed.hands;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.handfeed.hands.bench.CorpusGenerator;
import dev.handfeed.hands.bench.GeneratedHand;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The money of every hand adds up: what the players put in (plus room money) equals what they collected
 * plus the rake, each player's net is collected minus invested, and the hero's result is the hero's net.
 */
class AccountingPropertyTest {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    static Stream<String> fixtureFiles() {
        return Fixtures.files().stream();
    }

    /** Hands whose expected row says they do not balance (half-chip rounding by Winamax). */
    private static final Set<String> KNOWN_UNBALANCED = Fixtures.expected().stream()
            .filter(r -> r.containsKey("balanced") && !r.getBoolean("balanced"))
            .map(r -> r.getString("hand_id")).collect(Collectors.toSet());

    @ParameterizedTest
    @MethodSource("fixtureFiles")
    void everyFixtureHandBalances(String file) {
        for (HandEvent e : Fixtures.parse(file)) {
            if (e instanceof HandEvent.Parsed p) {
                Hand hand = p.hand();
                assertConsistent(hand);
                assertEquals(!KNOWN_UNBALANCED.contains(hand.handId()), hand.balanced(),
                        () -> hand.handId() + " " + hand.notes());
            }
        }
    }

    @Test
    void everySampleHandIsConsistentAndFlaggedWhenItDoesNotBalance() throws IOException {
        Path samples = SampleCorpusTest.samples();
        Assumptions.assumeTrue(Files.isDirectory(samples), "no sample corpus at " + samples);
        List<Path> files;
        try (Stream<Path> list = Files.list(samples)) {
            files = list.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        }
        int hands = 0;
        for (Path file : files) {
            for (HandEvent e : new HandParser().parseAll(file)) {
                if (e instanceof HandEvent.Parsed p) {
                    assertConsistent(p.hand());
                    assertTrue(p.hand().balanced() || p.hand().notes().stream().anyMatch(n -> n.startsWith("unbalanced")));
                    hands++;
                }
            }
        }
        assertEquals(105, hands, "parseable sample hands");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20240601})
    void generatedHandsMatchTheSimulatorsOwnAccounts(long seed) {
        List<GeneratedHand> generated = new ArrayList<>();
        byte[] corpus = new CorpusGenerator(seed).corpus(1500, generated);
        List<HandEvent> events = new HandParser().parseAll(corpus, "generated-" + seed);
        assertEquals(generated.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            GeneratedHand want = generated.get(i);
            Hand hand = assertInstanceOf(HandEvent.Parsed.class, events.get(i), () -> want.text()).hand();
            assertConsistent(hand);
            Map<String, BigDecimal> nets = hand.players().stream().collect(Collectors.toMap(Player::name, Player::net));
            assertAll(want.handId(),
                    () -> assertEquals(want.handId(), hand.handId()),
                    () -> assertTrue(hand.balanced(), () -> hand.notes() + "\n" + want.text()),
                    () -> assertEquals(want.hero(), hand.hero()),
                    () -> FixtureTest.assertAmount(want.heroResult() == null ? null : want.heroResult().toPlainString(),
                            hand.heroResult(), "hero_result\n" + want.text()),
                    () -> assertEquals(want.gameType(), hand.gameType()),
                    () -> assertEquals(want.stakes(), hand.stakes()),
                    () -> assertEquals(0, want.rake().compareTo(hand.rake()), "rake"),
                    () -> FixtureTest.assertAmount(want.bigBlind() == null ? null : want.bigBlind().toPlainString(),
                            hand.bigBlind(), "big_blind"),
                    () -> assertEquals(want.heroVpip(), hand.heroVpip(), () -> "hero_vpip\n" + want.text()),
                    () -> assertEquals(want.heroPfr(), hand.heroPfr(), () -> "hero_pfr\n" + want.text()),
                    () -> assertEquals(want.nets().keySet(), nets.keySet(), "players dealt in"),
                    () -> want.nets().forEach((name, net) ->
                            assertEquals(0, net.compareTo(nets.get(name)), name + "\n" + want.text())));
        }
    }

    /** Internal consistency that must hold for every parsed hand, balanced or not. */
    static void assertConsistent(Hand hand) {
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        for (Player p : hand.players()) {
            assertEquals(0, p.collected().subtract(p.invested()).compareTo(p.net()), hand.handId() + " " + p.name());
            assertTrue(p.invested().signum() >= 0 && p.collected().signum() >= 0, hand.handId());
            in = in.add(p.invested());
            out = out.add(p.collected());
        }
        BigDecimal diff = in.subtract(out).subtract(hand.rake());
        // Room money (splash pots) is put in by nobody at the table: it is the only allowed surplus.
        boolean splash = hand.notes().stream().anyMatch(n -> n.startsWith("room money"));
        if (!splash) {
            assertEquals(0, diff.compareTo(hand.balanceDiff()), hand.handId() + " balanceDiff");
        }
        assertEquals(hand.balanceDiff().abs().compareTo(CENT) <= 0, hand.balanced(), hand.handId() + " balanced flag");
        // The two flags exist exactly when the hero was dealt in, and a raise is always voluntary.
        assertEquals(hand.heroResult() == null, hand.heroVpip() == null, hand.handId() + " hero_vpip null");
        assertEquals(hand.heroResult() == null, hand.heroPfr() == null, hand.handId() + " hero_pfr null");
        assertFalse(Boolean.TRUE.equals(hand.heroPfr()) && !hand.heroVpip(), hand.handId() + " pfr without vpip");
        assertTrue(hand.bigBlind() == null || hand.bigBlind().signum() > 0, hand.handId() + " big_blind");
        assertEquals("STUD".equals(hand.gameType()) || hand.gameType().equals(hand.gameRaw()), hand.bigBlind() == null,
                hand.handId() + ": big_blind is null for stud and unknown games only");
        if (hand.heroResult() != null) {
            Player hero = hand.players().stream().filter(p -> p.name().equals(hand.hero())).findFirst().orElseThrow();
            assertEquals(0, hero.net().compareTo(hand.heroResult()), hand.handId() + " hero result");
            assertEquals(hero.position(), hand.heroPosition(), hand.handId() + " hero position");
        } else {
            assertFalse(hand.hero() != null && hand.players().stream().anyMatch(p -> p.name().equals(hand.hero())),
                    hand.handId() + ": a hero dealt in must have a result");
        }
    }
}
