package dev.handfeed.live;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResumePointTest {

    @Test
    void noParametersMeansLiveOnly() throws InvalidRequest {
        assertEquals(Optional.empty(), ResumePoint.fromQuery(Map.of("client_name", List.of("x"))));
    }

    @Test
    void theQueryGivesTheIdAndTheStream() throws InvalidRequest {
        assertEquals(Optional.of(new ResumePoint(0, null)),
                ResumePoint.fromQuery(Map.of("last_event_id", List.of("0"))));
        assertEquals(Optional.of(new ResumePoint(1L << 53, "5f0c-aa")), ResumePoint.fromQuery(
                Map.of("last_event_id", List.of("9007199254740992"), "stream_id", List.of("5f0c-aa"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "+1", "1.0", "1e3", "abc", "", " 1", "9007199254740993", "99999999999999999999",
            "0x10"})
    void everyBadIdIsRefusedNamingTheField(String id) {
        InvalidRequest e = assertThrows(InvalidRequest.class,
                () -> ResumePoint.fromQuery(Map.of("last_event_id", List.of(id))));
        assertTrue(e.getMessage().startsWith("Invalid 'last_event_id'"), e.getMessage());
    }

    @Test
    void aStreamAloneOrMalformedIsRefused() {
        InvalidRequest alone = assertThrows(InvalidRequest.class,
                () -> ResumePoint.fromQuery(Map.of("stream_id", List.of("abc"))));
        assertTrue(alone.getMessage().contains("'stream_id' needs 'last_event_id'"));
        InvalidRequest bad = assertThrows(InvalidRequest.class, () -> ResumePoint.fromQuery(
                Map.of("last_event_id", List.of("3"), "stream_id", List.of("x".repeat(65)))));
        assertTrue(bad.getMessage().startsWith("Invalid 'stream_id'"), bad.getMessage());
    }
}
