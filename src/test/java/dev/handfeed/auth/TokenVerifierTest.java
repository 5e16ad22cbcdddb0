package dev.handfeed.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.handfeed.testing.TokenMint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The verifier on its own: which tokens pass, and the reason given for each one that does not. */
class TokenVerifierTest {

    @TempDir
    static Path keys;

    private static TokenMint mint;
    private static TokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        mint = new TokenMint(keys);
        JWKSet set = VerificationKeys.load(Optional.of(mint.secret().getBytes(StandardCharsets.UTF_8)),
                Optional.of(mint.pemFile()), Optional.of(mint.jwksFile()));
        verifier = new TokenVerifier(set, Optional.of(TokenMint.ISSUER), Optional.of(TokenMint.AUDIENCE), 30);
    }

    @Test
    void eachKeyVerifiesItsOwnAlgorithm() throws Exception {
        JWTClaimsSet claims = TokenMint.claims("alice", 60).build();
        for (String token : new String[] {mint.hs256(claims), mint.rs256(claims), mint.es256(claims)}) {
            Grant grant = verifier.verify(token);
            assertEquals("alice", grant.subject());
            assertEquals(claims.getExpirationTime().toInstant().getEpochSecond(), grant.expiresAt().getEpochSecond());
        }
    }

    @Test
    void aTokenNamingItsKeyIsCheckedWithThatKeyOrWithAKeyGivenWithoutName() throws Exception {
        JWTClaimsSet claims = TokenMint.claims("alice", 60).build();
        assertEquals("alice", verifier.verify(mint.rs256WithKeyId(claims, "idp-key-7")).subject());
        assertEquals("alice", verifier.verify(mint.es256WithKeyId(claims, "ec-1")).subject());
        assertRefused("Token signed with an algorithm or key this server does not accept (it accepts HS256, RS256,"
                + " ES256)", mint.es256WithKeyId(claims, "unknown-ec"));
    }

    @Test
    void theClockSkewIsThirtySecondsEachWay() throws Exception {
        Instant now = Instant.now();
        verifier.verify(mint.hs256(TokenMint.claims("a", 60).expirationTime(Date.from(now.minusSeconds(20))).build()));
        verifier.verify(mint.hs256(TokenMint.claims("a", 60).notBeforeTime(Date.from(now.plusSeconds(20))).build()));
        assertRefused("Token expired",
                mint.hs256(TokenMint.claims("a", 60).expirationTime(Date.from(now.minusSeconds(40))).build()));
        assertRefused("Token not valid yet (nbf)",
                mint.hs256(TokenMint.claims("a", 60).notBeforeTime(Date.from(now.plusSeconds(40))).build()));
    }

    @Test
    void everyRefusalSaysWhy() throws Exception {
        assertRefused("Token not meant for this server: its aud is not " + TokenMint.AUDIENCE,
                mint.hs256(TokenMint.claims("a", 60).audience("other").build()));
        assertRefused("Token not meant for this server: its aud is not " + TokenMint.AUDIENCE,
                mint.hs256(TokenMint.claims("a", 60).audience((String) null).build()));
        assertRefused("Token from another issuer: its iss is not " + TokenMint.ISSUER,
                mint.hs256(TokenMint.claims("a", 60).issuer("https://other.test").build()));
        assertRefused("Token without exp: an expiry is required",
                mint.hs256(TokenMint.claims("a", 60).expirationTime(null).build()));
        assertRefused("Unsigned tokens (alg none) are refused", TokenMint.unsigned(TokenMint.claims("a", 60).build()));
        assertRefused("Invalid signature", mint.rs256ByStranger(TokenMint.claims("a", 60).build()));
        assertRefused("Invalid signature", mint.hs256WithPublicRsaKey(TokenMint.claims("a", 60).build()));
        assertRefused("Malformed token: not a signed JWT", "abc.def");
        assertRefused("Token longer than 8192 characters", "a".repeat(8193));
    }

    @Test
    void withoutTheSecretAnHs256TokenFindsNoKeyAtAll() throws Exception {
        TokenVerifier rsaOnly = new TokenVerifier(VerificationKeys.load(Optional.empty(), Optional.of(mint.pemFile()),
                Optional.empty()), Optional.empty(), Optional.empty(), 30);
        TokenRejected e = assertThrows(TokenRejected.class,
                () -> rsaOnly.verify(mint.hs256WithPublicRsaKey(TokenMint.claims("a", 60).build())));
        assertEquals("Token signed with an algorithm or key this server does not accept (it accepts RS256)",
                e.getMessage());
    }

    private static void assertRefused(String reason, String token) {
        assertEquals(reason, assertThrows(TokenRejected.class, () -> verifier.verify(token)).getMessage());
    }
}
