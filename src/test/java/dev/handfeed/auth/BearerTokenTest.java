package dev.handfeed.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BearerTokenTest {

    @Test
    void theHeaderComesFirstThenTheSubprotocolThenTheQuery() throws TokenRejected {
        assertEquals(Optional.of("h.e.ader"), BearerToken.find(List.of("Bearer h.e.ader"),
                List.of("handfeed, bearer.s.u.b"), List.of("q.u.ery")));
        assertEquals(Optional.of("s.u.b"), BearerToken.find(List.of(), List.of("handfeed, bearer.s.u.b"),
                List.of("q.u.ery")));
        assertEquals(Optional.of("s.u.b"), BearerToken.find(List.of(), List.of("handfeed", "bearer.s.u.b"), List.of()));
        assertEquals(Optional.of("q.u.ery"), BearerToken.find(List.of(), List.of("handfeed"), List.of("q.u.ery")));
        assertEquals(Optional.empty(), BearerToken.find(List.of(), List.of("handfeed"), List.of(" ")));
    }

    @Test
    void theSchemeIsCaseInsensitiveAndSpacesAreTrimmed() throws TokenRejected {
        assertEquals(Optional.of("a.b.c"), BearerToken.find(List.of("  bearer   a.b.c "), List.of(), List.of()));
        assertEquals(Optional.of("a.b.c"), BearerToken.find(List.of(), List.of(" Bearer.a.b.c "), List.of()));
    }

    @Test
    void anAuthorizationHeaderOfAnotherKindIsRefusedNotIgnored() {
        for (String header : List.of("Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", "a.b.c")) {
            TokenRejected e = assertThrows(TokenRejected.class,
                    () -> BearerToken.find(List.of(header), List.of(), List.of("q.u.ery")), header);
            assertEquals("The Authorization header must be 'Bearer <token>'", e.getMessage());
        }
    }
}
