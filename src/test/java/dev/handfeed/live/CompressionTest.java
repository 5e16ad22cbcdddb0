package dev.handfeed.live;

import jakarta.websocket.Extension;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Without Tyrus (as on WildFly, and here) the container's own choice stands; switched off, it stands too. */
class CompressionTest {

    private static Extension named(String name) {
        return new Extension() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public List<Parameter> getParameters() {
                return List.of();
            }
        };
    }

    @Test
    void withoutTyrusOrWhenOffTheContainerDecides() {
        List<Extension> requested = List.of(named(Compression.NAME));
        List<Extension> containerChoice = List.of(named("x-container"));
        assertSame(containerChoice, Compression.load(true).negotiate(requested, containerChoice));
        assertSame(containerChoice, Compression.load(false).negotiate(requested, containerChoice));
        assertEquals(List.of(), Compression.load(false).negotiate(List.of(), List.of()));
    }
}
