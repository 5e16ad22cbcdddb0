package dev.handfeed.auth;

import java.security.Principal;

/**
 * Who is connecting, as the access filter found it: the token's subject (or {@code anonymous}), the peer's address
 * ({@code null} when unknown) and the token's {@link Grant} ({@code null} when AUTH_MODE=none). It travels to the
 * WebSocket endpoint as the request's user principal, the one thing every container hands from the upgrade request
 * to the session.
 */
public record Caller(String name, String address, Grant grant) implements Principal {

    @Override
    public String getName() {
        return name;
    }
}
