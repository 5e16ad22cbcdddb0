package dev.handfeed.live;

import dev.handfeed.auth.AccessControl;
import dev.handfeed.auth.BearerToken;
import dev.handfeed.auth.Caller;
import dev.handfeed.auth.Grant;
import dev.handfeed.auth.TokenRejected;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;
import java.util.Map;

/**
 * The WebSocket handshake: the origin check, the subprotocol, and the token when the access filter did not see the
 * upgrade request. A browser offers {@code handfeed} and {@code bearer.<token>}; the server selects
 * {@code handfeed}, never the token.
 */
public class Handshake extends OriginCheck {

    /** Where {@link #modifyHandshake} leaves its finding for {@code @OnOpen}: a {@link Caller} or a refusal. */
    static final String VERDICT = Handshake.class.getName() + ".verdict";

    @Override
    public String getNegotiatedSubprotocol(List<String> supported, List<String> requested) {
        return requested.contains(BearerToken.SUBPROTOCOL) ? BearerToken.SUBPROTOCOL : "";
    }

    /**
     * The access filter runs before the container's WebSocket filter on Payara and WildFly, and leaves a
     * {@link Caller} as the request's principal. Should a container upgrade a request the filter never saw, the
     * token is checked here instead and a refusal is answered in {@code @OnOpen} with 4401. The user properties of
     * this config are the connection's own (Jakarta WebSocket 2.1 containers copy them per handshake).
     */
    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        if (request.getUserPrincipal() instanceof Caller) {
            return;
        }
        AccessControl access = CDI.current().select(AccessControl.class).get();
        Object verdict = new Caller("anonymous", null, null);
        if (access.jwt()) {
            try {
                Grant grant = access.verify(BearerToken.find(header(request, "Authorization"),
                                header(request, "Sec-WebSocket-Protocol"),
                                request.getParameterMap().getOrDefault(BearerToken.QUERY_PARAMETER, List.of()))
                        .orElseThrow(() -> new TokenRejected("A bearer token is required")));
                verdict = new Caller(grant.subject() == null ? "anonymous" : grant.subject(), null, grant);
            } catch (TokenRejected e) {
                verdict = e;
            }
        }
        config.getUserProperties().put(VERDICT, verdict);
    }

    private static List<String> header(HandshakeRequest request, String name) {
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                return header.getValue();
            }
        }
        return List.of();
    }
}
