package dev.handfeed.hands.bench;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A generated hand's text and the values the simulator knows for it, independently of the parser.
 *
 * @param heroResult null when the hero sat out (no {@code Dealt to} line)
 * @param nets       collected minus invested of every player dealt in
 */
public record GeneratedHand(String text, String handId, String gameType, String stakes, String hero,
                            BigDecimal heroResult, Map<String, BigDecimal> nets, BigDecimal rake) {
}
