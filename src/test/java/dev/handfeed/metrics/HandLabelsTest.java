package dev.handfeed.metrics;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.wire.NewHand;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The labels of every hand of the project's fixtures: all from the closed sets, and each kind of game met. */
class HandLabelsTest {

    private static List<NewHand> fixtureHands() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/hands"))) {
            HandParser parser = new HandParser();
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().flatMap(f -> {
                try {
                    return parser.parseAll(f).stream();
                } catch (IOException e) {
                    throw new IllegalStateException(f.toString(), e);
                }
            }).filter(HandEvent.Parsed.class::isInstance)
                    .map(e -> NewHand.of(((HandEvent.Parsed) e).hand(), 1, Instant.EPOCH)).toList();
        }
    }

    @Test
    void everyHandGetsLabelsFromTheClosedSets() throws IOException {
        Set<String> kinds = new HashSet<>();
        Set<String> games = new HashSet<>();
        for (NewHand hand : fixtureHands()) {
            String game = HandLabels.gameType(hand);
            String kind = HandLabels.kind(hand);
            kinds.add(kind);
            games.add(game);
            assertTrue(HandLabels.GAME_TYPES.contains(game) || game.equals("other"), game);
            // A code the parser gives (upper case, no space) that the labels do not know would be counted as other.
            if (hand.gameType().matches("[A-Z0-9-]+")) {
                assertEquals(hand.gameType(), game, "game_type " + hand.gameType() + " is missing from HandLabels");
            } else {
                assertEquals("other", game, hand.gameType());
            }
            assertEquals(switch (hand.currency()) {
                case "EUR" -> hand.tournament() == null ? "cash" : "tournament";
                case "PLAY" -> hand.tournament() == null ? "play_money" : "tournament";
                default -> "tournament";
            }, kind, hand.handId());
        }
        assertEquals(Set.of("cash", "play_money", "tournament"), kinds, "the fixtures have every kind");
        assertTrue(games.contains("other"), "the fixtures have an unknown game");
        assertTrue(games.containsAll(Set.of("NLH", "PLO", "PLO5", "FLH", "STUD")), games.toString());
    }
}
