package dev.handfeed.auth;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.security.Principal;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * In front of everything that shows hands or readings: refuses a request before the WebSocket upgrade or the
 * resource answers it. 403 for a remote peer while AUTH_MODE=none; with AUTH_MODE=jwt, 401 without a valid token;
 * for a WebSocket upgrade, 429 above MAX_CONNECTIONS_PER_ADDRESS and 503 above MAX_CONNECTIONS. Declared filters
 * run before the container's own WebSocket filter (Tyrus on Payara and Undertow on WildFly both register theirs to
 * match after the application's), so the upgrade request passes here first. {@code /health} is left open.
 */
@WebFilter(filterName = "handfeed-access", asyncSupported = true,
        urlPatterns = {"/ws", "/ws/*", "/events", "/events/*", "/metrics", "/metrics/*"})
public class AccessFilter extends HttpFilter {

    @Inject
    AccessControl access;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String peer = request.getRemoteAddr();
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
        String what = (upgrade ? "WebSocket " : "") + request.getRequestURI();
        Optional<String> anonymous = access.anonymousRefusal(peer);
        if (anonymous.isPresent()) {
            refuse(response, HttpServletResponse.SC_FORBIDDEN, anonymous.get(), what, peer);
            return;
        }
        Grant grant = null;
        if (access.jwt()) {
            String challenge = "Bearer realm=\"handfeed\"";
            try {
                Optional<String> token = BearerToken.find(headers(request, "Authorization"),
                        upgrade ? headers(request, "Sec-WebSocket-Protocol") : List.of(),
                        parameter(request, BearerToken.QUERY_PARAMETER));
                if (token.isEmpty()) {
                    throw new TokenRejected("A bearer token is required: 'Authorization: Bearer <token>', the"
                            + " WebSocket subprotocol 'bearer.<token>' beside 'handfeed', or ?access_token=");
                }
                challenge += ", error=\"invalid_token\"";
                grant = access.verify(token.get());
            } catch (TokenRejected e) {
                response.setHeader("WWW-Authenticate", challenge);
                refuse(response, HttpServletResponse.SC_UNAUTHORIZED, e.getMessage(), what, peer);
                return;
            }
        }
        if (upgrade) {
            switch (access.caps().check(peer)) {
                case ADDRESS_FULL -> {
                    response.setHeader("Retry-After", "10");
                    refuse(response, 429, "Too many connections from " + peer + " (MAX_CONNECTIONS_PER_ADDRESS="
                            + access.caps().perAddress() + "); try again later", what, peer);
                    return;
                }
                case SERVER_FULL -> {
                    response.setHeader("Retry-After", "10");
                    refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Too many connections"
                            + " (MAX_CONNECTIONS=" + access.caps().total() + "); try again later", what, peer);
                    return;
                }
                default -> { }
            }
        }
        String name = grant != null && grant.subject() != null ? grant.subject() : "anonymous";
        chain.doFilter(new CallerRequest(request, new Caller(name, peer, grant)), response);
    }

    private void refuse(HttpServletResponse response, int status, String message, String what, String peer)
            throws IOException {
        access.logRefusal(() -> "Refused " + what + " from " + peer + " with " + status + ": " + message);
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("error", message).build().toString());
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    private static List<String> parameter(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    /** The request as the endpoint sees it: its user principal is the {@link Caller} found here. */
    private static final class CallerRequest extends HttpServletRequestWrapper {
        private final Caller caller;

        CallerRequest(HttpServletRequest request, Caller caller) {
            super(request);
            this.caller = caller;
        }

        @Override
        public Principal getUserPrincipal() {
            return caller;
        }
    }
}
