package dev.handfeed.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerificationKeysTest {

    @TempDir
    Path dir;

    @Test
    void pemFilesOfRsaAndEcKeysAndASecretEachGiveOneKey() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).generate();
        JWKSet rsaSet = VerificationKeys.load(Optional.of(new byte[32]), Optional.of(pem("rsa.pem", rsa.toPublicKey())),
                Optional.empty());
        assertEquals(List.of("oct", "RSA"), rsaSet.getKeys().stream().map(k -> k.getKeyType().getValue()).toList());
        JWKSet ecSet = VerificationKeys.load(Optional.empty(), Optional.of(pem("ec.pem", ec.toPublicKey())),
                Optional.empty());
        assertEquals(ec.toPublicJWK().getX(), ((ECKey) ecSet.getKeys().get(0)).getX());
    }

    @Test
    void aPemCertificateGivesItsPublicKey() throws Exception {
        Path store = dir.resolve("store.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-keyalg", "RSA", "-keysize", "2048", "-alias", "idp", "-dname", "CN=idp.test",
                "-validity", "2", "-keystore", store.toString(), "-storepass", "changeit", "-storetype", "PKCS12");
        Path certificate = dir.resolve("idp.pem");
        run(keytool, "-exportcert", "-rfc", "-alias", "idp", "-keystore", store.toString(), "-storepass", "changeit",
                "-file", certificate.toString());
        JWKSet set = VerificationKeys.load(Optional.empty(), Optional.of(certificate), Optional.empty());
        assertEquals(2048, ((RSAKey) set.getKeys().get(0)).size());
        assertFalse(set.getKeys().get(0).isPrivate());
    }

    @Test
    void aJwkSetGivesItsPublicKeysOnlyEvenWhenItHoldsPrivateOnes() throws Exception {
        RSAKey rsa = new RSAKeyGenerator(2048).keyID("r").generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("e").keyUse(KeyUse.SIGNATURE).generate();
        Path jwks = Files.writeString(dir.resolve("keys.json"), new JWKSet(List.of(rsa, ec)).toString(false));
        JWKSet set = VerificationKeys.load(Optional.empty(), Optional.empty(), Optional.of(jwks));
        assertEquals(2, set.getKeys().size());
        assertTrue(set.getKeys().stream().noneMatch(JWK::isPrivate));
    }

    @Test
    void keysThisServerDoesNotAcceptStopTheDeploymentNamingTheSetting() throws Exception {
        RSAKey small = new RSAKeyGenerator(1024, true).generate();
        assertRefused("JWT_PUBLIC_KEY_FILE", "holds an RSA key of 1024 bits; at least 2048 are needed",
                Optional.of(pem("small.pem", small.toPublicKey())), Optional.empty());
        ECKey p384 = new ECKeyGenerator(Curve.P_384).generate();
        assertRefused("JWT_PUBLIC_KEY_FILE", "holds an EC key on curve P-384; ES256 needs P-256",
                Optional.of(pem("p384.pem", p384.toPublicKey())), Optional.empty());
        Path oct = Files.writeString(dir.resolve("oct.json"),
                new JWKSet(new OctetSequenceKeyGenerator(256).generate()).toString(false));
        assertRefused("JWT_JWKS_FILE", "holds a key of type oct; accepted are RSA (RS256) and EC P-256 (ES256) keys,"
                + " and for HS256 the JWT_SECRET setting", Optional.empty(), Optional.of(oct));
        Path rs384 = Files.writeString(dir.resolve("rs384.json"), new JWKSet(new RSAKeyGenerator(2048)
                .algorithm(com.nimbusds.jose.JWSAlgorithm.RS384).generate().toPublicJWK()).toString());
        assertRefused("JWT_JWKS_FILE", "holds a key declared for RS384; keys of its type are used for RS256 only",
                Optional.empty(), Optional.of(rs384));
        Path enc = Files.writeString(dir.resolve("enc.json"), new JWKSet(new RSAKeyGenerator(2048)
                .keyUse(KeyUse.ENCRYPTION).generate().toPublicJWK()).toString());
        assertRefused("JWT_JWKS_FILE", "holds a key for \"use\":\"enc\"; only signature keys are accepted",
                Optional.empty(), Optional.of(enc));
    }

    @Test
    void unreadableOrMalformedFilesAreNamedToo() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key");
        assertRefused("JWT_PUBLIC_KEY_FILE", "holds no PEM '-----BEGIN PUBLIC KEY-----' or '-----BEGIN CERTIFICATE-----'"
                + " block", Optional.of(garbage), Optional.empty());
        Path badKey = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.load(Optional.empty(), Optional.of(badKey), Optional.empty()));
        assertTrue(e.getMessage().contains("holds no RSA or EC public key"), e.getMessage());
        Path empty = Files.writeString(dir.resolve("empty.json"), "{\"keys\":[]}");
        assertRefused("JWT_JWKS_FILE", "holds no key", Optional.empty(), Optional.of(empty));
        Path missing = dir.resolve("missing.json");
        e = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.load(Optional.empty(), Optional.empty(), Optional.of(missing)));
        assertTrue(e.getMessage().startsWith("Setting JWT_JWKS_FILE must be a usable key file: '" + missing
                + "' cannot be read"), e.getMessage());
        Path notJson = Files.writeString(dir.resolve("not.json"), "[1,2]");
        e = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.load(Optional.empty(), Optional.empty(), Optional.of(notJson)));
        assertTrue(e.getMessage().contains("is not a JWK set"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    private void assertRefused(String setting, String problem, Optional<Path> pem, Optional<Path> jwks) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VerificationKeys.load(Optional.empty(), pem, jwks));
        assertEquals("Setting " + setting + " must be a usable key file: '" + pem.or(() -> jwks).orElseThrow() + "' "
                + problem, e.getMessage());
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, String.join(" ", command) + ": "
                + output);
    }

    private Path pem(String name, PublicKey key) throws Exception {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return Files.writeString(dir.resolve(name), "-----BEGIN PUBLIC KEY-----\n" + base64 + "\n-----END PUBLIC KEY-----\n");
    }
}
