package dev.handfeed.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecuritySettingsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static SecuritySettings read(Map<String, String> values, String bindAddress) {
        SecuritySettings settings = new SecuritySettings();
        settings.read(new SettingsReader(name -> Optional.ofNullable(values.get(name))), bindAddress);
        return settings;
    }

    @Test
    void defaultsAreAnonymousOnLoopbackWithTheDocumentedLimits() {
        SecuritySettings settings = read(Map.of(), "127.0.0.1");
        assertFalse(settings.jwt());
        assertEquals(20, settings.clientMaxFramesPerSecond());
        assertEquals(500, settings.maxConnectionsPerAddress());
        assertEquals(20_000, settings.maxConnections());
        assertEquals(30, settings.clockSkewSeconds());
    }

    @Test
    void anonymousOnANetworkAddressStopsTheDeploymentWithAClearMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(Map.of(), "0.0.0.0"));
        assertTrue(e.getMessage().startsWith("Setting BIND_ADDRESS must be a loopback address while AUTH_MODE=none,"
                + " got '0.0.0.0': anyone who can reach it could read every hand."), e.getMessage());
        assertTrue(e.getMessage().contains("ALLOW_ANONYMOUS_REMOTE=true"));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of(), "192.168.1.20"));
        assertThrows(IllegalArgumentException.class, () -> read(Map.of("ALLOW_ANONYMOUS_REMOTE", "false"), "::"));
    }

    @Test
    void aNetworkAddressIsFineWithJwtOrWhenAnonymousIsAllowedOnPurpose() {
        assertTrue(read(Map.of("AUTH_MODE", "jwt", "JWT_SECRET", SECRET), "0.0.0.0").jwt());
        assertTrue(read(Map.of("ALLOW_ANONYMOUS_REMOTE", "TRUE"), "0.0.0.0").allowAnonymousRemote());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("ALLOW_ANONYMOUS_REMOTE", "yes"), "0.0.0.0"));
        assertEquals("Setting ALLOW_ANONYMOUS_REMOTE must be true or false, got 'yes'", typo.getMessage());
    }

    @Test
    void jwtNeedsAKeyAndASecretLongEnoughWhichIsNeverQuoted() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("AUTH_MODE", "jwt"), "127.0.0.1"));
        assertTrue(none.getMessage().startsWith("Setting JWT_SECRET must be set when AUTH_MODE=jwt"), none.getMessage());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> read(Map.of("AUTH_MODE", "jwt", "JWT_SECRET", "hunter2-hunter2"), "127.0.0.1"));
        assertEquals("Setting JWT_SECRET must be at least 32 bytes long for HS256, got 15 bytes", tooShort.getMessage());
        assertEquals("Setting AUTH_MODE must be one of none, jwt, got 'oauth'", assertThrows(
                IllegalArgumentException.class, () -> read(Map.of("AUTH_MODE", "oauth"), "127.0.0.1")).getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"127.0.0.1, true", "127.8.9.10, true", "localhost, true", "::1, true", "[::1], true",
            "::ffff:127.0.0.1, true", "0.0.0.0, false", "::, false", "192.168.1.20, false", "10.0.0.1, false",
            "999.0.0.1, false", "myhost.lan, false", "fe80::1, false"})
    void loopbackIsRecognisedWithoutAnyLookup(String host, boolean loopback) {
        assertEquals(loopback, SecuritySettings.isLoopback(host));
    }
}
