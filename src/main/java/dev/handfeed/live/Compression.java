package dev.handfeed.live;

import jakarta.websocket.Extension;

import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * permessage-deflate (RFC 7692) where the container needs the application to offer it: Payara's Tyrus negotiates
 * it only with its deflate extension object. That object is Tyrus's own class, so it is loaded by name, once: on
 * a server without Tyrus (WildFly, where Undertow configures deflate itself) the lookup fails and the container's
 * own negotiation stands.
 */
final class Compression {

    static final String NAME = "permessage-deflate";
    private static final String TYRUS_DEFLATE = "org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension";
    private static final Logger LOG = Logger.getLogger(Compression.class.getName());

    private final Optional<Extension> deflate;

    private Compression(Optional<Extension> deflate) {
        this.deflate = deflate;
    }

    static Compression load(boolean enabled) {
        if (!enabled) {
            LOG.info("permessage-deflate is off (DEFLATE=false)");
            return new Compression(Optional.empty());
        }
        try {
            Extension extension = (Extension) Class.forName(TYRUS_DEFLATE, true, Compression.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
            LOG.info("permessage-deflate offered to clients that ask for it");
            return new Compression(Optional.of(extension));
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.info(() -> "permessage-deflate is left to the server's own configuration (no Tyrus here: "
                    + e.getClass().getSimpleName() + ")");
            return new Compression(Optional.empty());
        }
    }

    /** The extensions to agree on: ours when the client asked for deflate, else what the container chose. */
    List<Extension> negotiate(List<Extension> requested, List<Extension> containerChoice) {
        if (deflate.isPresent() && requested.stream().anyMatch(e -> NAME.equals(e.getName()))) {
            return List.of(deflate.get());
        }
        return containerChoice;
    }
}
