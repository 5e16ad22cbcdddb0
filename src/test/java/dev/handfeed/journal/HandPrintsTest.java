package dev.handfeed.journal;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prints' one promise: a hand they do not hold was never added, whatever the table's size. */
class HandPrintsTest {

    @Test
    void holdsEveryAddedHandThroughEveryGrowth() {
        HandPrints prints = new HandPrints();
        Set<Integer> hashes = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            String id = "2051" + i + "-" + (i % 977) + "-1701234567";
            prints.add(id);
            hashes.add(id.hashCode() == 0 ? 1 : id.hashCode());
            assertTrue(prints.mayHold(id), id);
        }
        for (int i = 0; i < 50_000; i++) {
            assertTrue(prints.mayHold("2051" + i + "-" + (i % 977) + "-1701234567"));
        }
        assertEquals(hashes.size(), prints.size(), "one print per distinct hash");
    }

    @Test
    void answersMaybeOnlyForAPrintItHolds() {
        HandPrints prints = new HandPrints();
        Set<Integer> added = new HashSet<>();
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String id = random.nextInt(1_000_000) + "-" + random.nextInt(1000) + "-" + random.nextInt();
            prints.add(id);
            added.add(id.hashCode());
        }
        for (int i = 0; i < 200_000; i++) {
            String other = "other-" + random.nextLong();
            assertEquals(added.contains(other.hashCode()), prints.mayHold(other), other);
        }
    }

    @Test
    void twoHandsWithOnePrintBothSayMaybe() {
        HandPrints prints = new HandPrints();
        assertEquals("hand-Aa".hashCode(), "hand-BB".hashCode());
        prints.add("hand-Aa");
        prints.add("hand-Aa");
        assertEquals(1, prints.size());
        assertTrue(prints.mayHold("hand-BB"), "the database settles it");
        assertFalse(prints.mayHold("hand-Ab"));
    }

    @Test
    void anIdWhoseHashIsZeroIsHeldToo() {
        HandPrints prints = new HandPrints();
        assertFalse(prints.mayHold(""));
        prints.add("");
        assertTrue(prints.mayHold(""));
    }
}
