package dev.handfeed.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/**
 * The keys of a test server and tokens signed with them (or with other keys, or none): an HS256 secret, an RSA key
 * given as a PEM public key file, an EC P-256 key given in a JWK set file.
 */
public final class TokenMint {

    public static final String ISSUER = "https://issuer.handfeed.test";
    public static final String AUDIENCE = "handfeed-test";

    private final String secret = "test-secret-" + UUID.randomUUID() + UUID.randomUUID();
    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey stranger;
    private final Path pemFile;
    private final Path jwksFile;

    public TokenMint(Path folder) throws IOException, JOSEException {
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        Files.createDirectories(folder);
        pemFile = Files.writeString(folder.resolve("rsa-public.pem"), publicPem());
        jwksFile = Files.writeString(folder.resolve("jwks.json"), new JWKSet(ec.toPublicJWK()).toString());
    }

    public String secret() { return secret; }
    public Path pemFile() { return pemFile; }
    public Path jwksFile() { return jwksFile; }

    /** The PEM text of the server's RSA public key: what an attacker of the HS/RS confusion would sign with. */
    public String publicPem() throws JOSEException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(rsa.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n";
    }

    /** Claims the server accepts: its issuer and audience, valid from a minute ago for {@code lifetimeSeconds}. */
    public static JWTClaimsSet.Builder claims(String subject, long lifetimeSeconds) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now.minusSeconds(60))).notBeforeTime(Date.from(now.minusSeconds(60)))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)));
    }

    public String hs256(JWTClaimsSet claims) throws JOSEException {
        return sign(JWSAlgorithm.HS256, new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), claims);
    }

    public String rs256(JWTClaimsSet claims) throws JOSEException {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(rsa), claims);
    }

    /** RS256 naming its key, as identity providers do; the server's RSA key (a PEM file) has no key id. */
    public String rs256WithKeyId(JWTClaimsSet claims, String keyId) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        jwt.sign(new RSASSASigner(rsa));
        return jwt.serialize();
    }

    /** ES256 naming its key: the JWK set holds it as {@code ec-1}. */
    public String es256WithKeyId(JWTClaimsSet claims, String keyId) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).build(), claims);
        jwt.sign(new ECDSASigner(ec));
        return jwt.serialize();
    }

    public String es256(JWTClaimsSet claims) throws JOSEException {
        return sign(JWSAlgorithm.ES256, new ECDSASigner(ec), claims);
    }

    /** RS256 with the same key id, but another private key. */
    public String rs256ByStranger(JWTClaimsSet claims) throws JOSEException {
        return sign(JWSAlgorithm.RS256, new RSASSASigner(stranger), claims);
    }

    /** HS256 keyed with the server's public RSA key (as its PEM text): the algorithm confusion attack. */
    public String hs256WithPublicRsaKey(JWTClaimsSet claims) throws JOSEException {
        return sign(JWSAlgorithm.HS256, new MACSigner(publicPem().getBytes(StandardCharsets.US_ASCII)), claims);
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String sign(JWSAlgorithm algorithm, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }
}
