package dev.handfeed.live;

import dev.handfeed.auth.AccessControl;
import dev.handfeed.config.Settings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.List;

/**
 * The handshake's rules. Refuses browser connections from web pages the player did not choose. Without it, any
 * site open in the player's browser could connect to localhost:8000 and read their hands. Programs (no Origin header), pages opened from
 * disk (Origin {@code null}) and pages served from this machine are accepted; ALLOWED_ORIGINS widens the list.
 * Also agrees on permessage-deflate where the container needs the application to offer it ({@link Compression}).
 */
public class OriginCheck extends ServerEndpointConfig.Configurator {

    private volatile Compression compression;

    /** Also the handshake's extension choice: permessage-deflate where the container needs us to offer it. */
    @Override
    public List<Extension> getNegotiatedExtensions(List<Extension> installed, List<Extension> requested) {
        Compression current = compression;
        if (current == null) {
            current = Compression.load(CDI.current().select(Settings.class).get().deflate());
            compression = current;
        }
        return current.negotiate(requested, super.getNegotiatedExtensions(installed, requested));
    }

    @Override
    public boolean checkOrigin(String origin) {
        if (origin == null || origin.isEmpty()) {
            return true;
        }
        boolean allowed = allowed(origin, CDI.current().select(Settings.class).get().allowedOrigins());
        if (!allowed) {
            CDI.current().select(ClientRegistry.class).get().counters().originRejected();
            // Throttled: a page can try again and again.
            CDI.current().select(AccessControl.class).get().logRefusal(() -> "Refused a WebSocket connection from"
                    + " origin '" + InvalidRequest.quote(origin) + "'; add it to ALLOWED_ORIGINS to accept it");
        }
        return allowed;
    }

    /** An entry matches the origin exactly, or with any port; {@code *} matches everything. */
    static boolean allowed(String origin, List<String> allowedOrigins) {
        for (String entry : allowedOrigins) {
            if (entry.equals("*") || origin.equalsIgnoreCase(entry)) {
                return true;
            }
            if (origin.regionMatches(true, 0, entry, 0, entry.length())
                    && origin.length() > entry.length() && origin.charAt(entry.length()) == ':'
                    && origin.substring(entry.length() + 1).chars().allMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }
}
