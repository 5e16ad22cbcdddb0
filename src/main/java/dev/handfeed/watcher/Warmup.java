package dev.handfeed.watcher;

import dev.handfeed.hands.HandEvent;
import dev.handfeed.hands.HandParser;
import dev.handfeed.wire.JsonCodec;
import dev.handfeed.wire.JsonText;
import dev.handfeed.wire.NewHand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Runs the parser and the JSON codec over one made-up hand at start-up, before the watcher reports ready. The
 * first real hand used to find that code cold: 20 ms to load and parse it, 25 ms more to build the JSON model
 * of {@code new_hand}, against under a millisecond each once warm. Nothing here is recorded or sent.
 */
final class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class.getName());
    private static final String HAND = "warmup-hand.txt";
    private static final int ROUNDS = 200;

    private Warmup() {
    }

    static void run(HandParser parser, JsonCodec codec) {
        long start = System.nanoTime();
        try (InputStream in = Warmup.class.getResourceAsStream(HAND)) {
            if (in == null) {
                throw new IOException(HAND + " is missing from the application");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int parsed = 0;
            for (int i = 0; i < ROUNDS; i++) {
                List<HandEvent> events = parser.parseAll(text, HAND);
                for (HandEvent event : events) {
                    if (event instanceof HandEvent.Parsed hand) {
                        String json = codec.toJson(NewHand.of(hand.hand(), i + 1, Instant.now()));
                        JsonText.object(json); // how filters and replays read a stored event
                        parsed++;
                    }
                }
            }
            int hands = parsed;
            LOG.fine(() -> "Hand path warmed up with " + hands + " parse(s) in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            // Only the first hand's speed depends on this: the watcher starts either way.
            LOG.warning(() -> "Could not warm the hand path up (the first hands may be slower): " + e);
        }
    }
}
