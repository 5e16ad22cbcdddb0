package dev.handfeed.live;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LaneMembersTest {

    @Test
    void lanesAreDealtInTurn() {
        LaneMembers members = new LaneMembers(3);
        assertEquals(List.of(0, 1, 2, 0, 1), IntStream.range(0, 5).map(i -> members.next()).boxed().toList());
    }

    @Test
    void aLaneIsOccupiedWhileOneOfItsClientsIsCounted() {
        LaneMembers members = new LaneMembers(2);
        assertFalse(members.occupied(0));
        members.joined(0);
        members.joined(0);
        members.left(0);
        assertTrue(members.occupied(0), "one client is still there");
        assertFalse(members.occupied(1));
        members.left(0);
        assertFalse(members.occupied(0));
    }
}
