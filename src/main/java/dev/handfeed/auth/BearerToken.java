package dev.handfeed.auth;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a request carries its token, in this order: {@code Authorization: Bearer <token>} (servers, scripts), the
 * WebSocket subprotocol {@code bearer.<token>} offered beside {@value #SUBPROTOCOL} (browsers, which cannot set
 * headers on a WebSocket), and {@code ?access_token=} as a last resort (it ends up in proxies' access logs).
 */
public final class BearerToken {

    /** The subprotocol a browser offers beside its token, and the one the server selects. */
    public static final String SUBPROTOCOL = "handfeed";
    public static final String SUBPROTOCOL_PREFIX = "bearer.";
    public static final String QUERY_PARAMETER = "access_token";

    private BearerToken() {
    }

    /**
     * The token of a request, from the raw values of its {@code Authorization} and {@code Sec-WebSocket-Protocol}
     * headers and of its {@code access_token} parameter (each list empty when absent).
     */
    public static Optional<String> find(List<String> authorization, List<String> subprotocols,
                                        List<String> accessToken) throws TokenRejected {
        if (!authorization.isEmpty()) {
            String value = authorization.get(0).strip();
            if (value.length() < 8 || !value.substring(0, 7).equalsIgnoreCase("Bearer ") || value.substring(7).isBlank()) {
                throw new TokenRejected("The Authorization header must be 'Bearer <token>'");
            }
            return Optional.of(value.substring(7).strip());
        }
        for (String header : subprotocols) {
            for (String offered : header.split(",")) {
                String protocol = offered.strip();
                if (protocol.toLowerCase(Locale.ROOT).startsWith(SUBPROTOCOL_PREFIX)
                        && protocol.length() > SUBPROTOCOL_PREFIX.length()) {
                    return Optional.of(protocol.substring(SUBPROTOCOL_PREFIX.length()));
                }
            }
        }
        return accessToken.stream().map(String::strip).filter(token -> !token.isEmpty()).findFirst();
    }
}
