package dev.handfeed.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;

import java.text.ParseException;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a compact JWS token: signature with a configured key, the algorithm pinned by that key's type (no
 * {@code none}, no HS/RS confusion), {@code exp} required, {@code nbf} honoured, both with the clock skew allowed,
 * {@code iss} and {@code aud} when configured. All of it is nimbus-jose-jwt's; this class only configures it and
 * turns its refusals into fixed, short reasons.
 */
public final class TokenVerifier {

    /** Far above any real token; a longer one is refused before it is decoded. */
    static final int MAX_TOKEN_CHARS = 8192;

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Set<JWSAlgorithm> algorithms;
    private final Optional<String> issuer;
    private final Optional<String> audience;
    private final int clockSkewSeconds;

    public TokenVerifier(JWKSet keys, Optional<String> issuer, Optional<String> audience, int clockSkewSeconds) {
        this.algorithms = algorithmsOf(keys);
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkewSeconds = clockSkewSeconds;
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new KeySelection(algorithms, keys));
        JWTClaimsSet.Builder exact = new JWTClaimsSet.Builder();
        issuer.ifPresent(exact::issuer);
        DefaultJWTClaimsVerifier<SecurityContext> claims =
                new DefaultJWTClaimsVerifier<>(audience.orElse(null), exact.build(), Set.of("exp"));
        claims.setMaxClockSkew(clockSkewSeconds);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The token's grant, or the reason it is refused. */
    public Grant verify(String token) throws TokenRejected {
        if (token.length() > MAX_TOKEN_CHARS) {
            throw new TokenRejected("Token longer than " + MAX_TOKEN_CHARS + " characters");
        }
        try {
            JWTClaimsSet claims = processor.process(token, null);
            return new Grant(claims.getSubject(), claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw new TokenRejected("Malformed token: not a signed JWT");
        } catch (ExpiredJWTException e) {
            throw new TokenRejected("Token expired");
        } catch (BadJWTException e) {
            throw new TokenRejected(claimProblem(String.valueOf(e.getMessage())));
        } catch (BadJWSException e) {
            throw new TokenRejected("Invalid signature");
        } catch (BadJOSEException e) {
            throw new TokenRejected(joseProblem(String.valueOf(e.getMessage())));
        } catch (JOSEException | RuntimeException e) {
            // Whatever else a crafted token can make the library throw is still only a refusal.
            throw new TokenRejected("Token could not be verified");
        }
    }

    /** The seconds of clock difference allowed around {@code exp} and {@code nbf}. */
    public int clockSkewSeconds() {
        return clockSkewSeconds;
    }

    public Set<JWSAlgorithm> algorithms() {
        return algorithms;
    }

    private String claimProblem(String message) {
        if (message.startsWith("JWT before use time")) {
            return "Token not valid yet (nbf)";
        }
        if (message.startsWith("JWT missing required claims")) {
            return "Token without exp: an expiry is required";
        }
        if (message.contains("aud claim") || message.contains("audience")) { // nimbus 10.10, earlier versions
            return "Token not meant for this server: its aud is not " + audience.orElse("set");
        }
        if (message.startsWith("JWT iss claim")) {
            return "Token from another issuer: its iss is not " + issuer.orElse("set");
        }
        return "Token claims rejected";
    }

    private String joseProblem(String message) {
        if (message.startsWith("Unsecured")) {
            return "Unsigned tokens (alg none) are refused";
        }
        if (message.contains("Another algorithm expected")) {
            return "Token signed with an algorithm or key this server does not accept (it accepts "
                    + algorithms.stream().map(JWSAlgorithm::getName).collect(Collectors.joining(", ")) + ")";
        }
        if (message.contains("typ")) {
            return "Token type (typ) not accepted: JWT or at+jwt";
        }
        if (message.startsWith("Encrypted")) {
            return "Encrypted tokens are not accepted";
        }
        return "Token rejected";
    }

    private static Set<JWSAlgorithm> algorithmsOf(JWKSet keys) {
        Set<JWSAlgorithm> found = new LinkedHashSet<>();
        for (JWK key : keys.getKeys()) {
            if (key instanceof OctetSequenceKey) {
                found.add(JWSAlgorithm.HS256);
            } else if (key instanceof RSAKey) {
                found.add(JWSAlgorithm.RS256);
            } else if (key instanceof ECKey) {
                found.add(JWSAlgorithm.ES256);
            }
        }
        return Collections.unmodifiableSet(found);
    }
}
