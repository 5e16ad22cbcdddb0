package dev.handfeed.auth;

import org.junit.jupiter.api.Test;

import static dev.handfeed.auth.ConnectionCaps.Verdict.ADDRESS_FULL;
import static dev.handfeed.auth.ConnectionCaps.Verdict.ADMITTED;
import static dev.handfeed.auth.ConnectionCaps.Verdict.SERVER_FULL;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ConnectionCapsTest {

    private final ConnectionCaps caps = new ConnectionCaps(2, 3);

    @Test
    void eachAddressHasItsShareAndTheServerItsTotal() {
        assertEquals(ADMITTED, caps.admit("10.0.0.1"));
        assertEquals(ADMITTED, caps.admit("10.0.0.1"));
        assertEquals(ADDRESS_FULL, caps.check("10.0.0.1"));
        assertEquals(ADDRESS_FULL, caps.admit("10.0.0.1"));
        assertEquals(ADMITTED, caps.check("10.0.0.2"));
        assertEquals(ADMITTED, caps.admit("10.0.0.2"));
        assertEquals(SERVER_FULL, caps.check("10.0.0.3"));
        assertEquals(SERVER_FULL, caps.admit("10.0.0.3"));
        assertEquals(SERVER_FULL, caps.admit(null));
    }

    @Test
    void aReleasedPlaceCanBeTakenAgainAndARefusalTakesNone() {
        caps.admit("10.0.0.1");
        caps.admit("10.0.0.1");
        caps.admit("10.0.0.2");
        assertEquals(SERVER_FULL, caps.admit("10.0.0.2"));
        caps.release("10.0.0.1");
        assertEquals(ADMITTED, caps.admit("10.0.0.2"));
        assertEquals(ADDRESS_FULL, caps.admit("10.0.0.2"));
        caps.release("10.0.0.2");
        caps.release("10.0.0.2");
        caps.release("10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertEquals(ADMITTED, caps.admit(null), "an unknown address counts for the total only");
        }
    }
}
