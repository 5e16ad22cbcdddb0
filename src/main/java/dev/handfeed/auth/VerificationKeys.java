package dev.handfeed.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys tokens are checked with, each bound to the one algorithm of its type: the secret to HS256, RSA keys to
 * RS256, EC P-256 keys to ES256. Binding by type is what makes the HS/RS confusion impossible: an RSA public key is
 * never used as an HMAC secret. Every problem stops the deployment naming the setting.
 */
final class VerificationKeys {

    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PUBLIC KEY|CERTIFICATE)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private VerificationKeys() {
    }

    static JWKSet load(Optional<byte[]> secret, Optional<Path> pemFile, Optional<Path> jwksFile) {
        List<JWK> keys = new ArrayList<>();
        secret.ifPresent(bytes -> keys.add(new OctetSequenceKey.Builder(bytes)
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.HS256).build()));
        pemFile.ifPresent(file -> keys.add(checked("JWT_PUBLIC_KEY_FILE", file, fromPem(file))));
        jwksFile.ifPresent(file -> fromJwks(file).forEach(key -> keys.add(checked("JWT_JWKS_FILE", file, key))));
        return new JWKSet(keys);
    }

    private static JWK fromPem(Path file) {
        Matcher pem = PEM.matcher(read("JWT_PUBLIC_KEY_FILE", file));
        if (!pem.find()) {
            throw invalid("JWT_PUBLIC_KEY_FILE", file, "holds no PEM '-----BEGIN PUBLIC KEY-----' or"
                    + " '-----BEGIN CERTIFICATE-----' block");
        }
        try {
            if (pem.group(1).equals("CERTIFICATE")) {
                return JWK.parseFromPEMEncodedX509Cert(pem.group());
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            PublicKey key = publicKey(der);
            if (key instanceof RSAPublicKey rsa) {
                return new RSAKey.Builder(rsa).build();
            }
            ECPublicKey ec = (ECPublicKey) key;
            return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        } catch (JOSEException | GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw invalid("JWT_PUBLIC_KEY_FILE", file, "holds no RSA or EC public key (" + e.getMessage() + ")");
        }
    }

    private static PublicKey publicKey(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        }
    }

    private static List<JWK> fromJwks(Path file) {
        try {
            List<JWK> keys = JWKSet.parse(read("JWT_JWKS_FILE", file)).getKeys();
            if (keys.isEmpty()) {
                throw invalid("JWT_JWKS_FILE", file, "holds no key");
            }
            return keys;
        } catch (ParseException e) {
            throw invalid("JWT_JWKS_FILE", file, "is not a JWK set {\"keys\":[...]} (" + e.getMessage() + ")");
        }
    }

    /** Public part only, of a type and size this server accepts, meant for signatures. */
    private static JWK checked(String setting, Path file, JWK key) {
        if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
            throw invalid(setting, file, "holds a key for \"use\":\"" + key.getKeyUse() + "\"; only signature keys"
                    + " are accepted");
        }
        if (key instanceof RSAKey rsa) {
            if (rsa.size() < MIN_RSA_BITS) {
                throw invalid(setting, file, "holds an RSA key of " + rsa.size() + " bits; at least " + MIN_RSA_BITS
                        + " are needed");
            }
            return only(setting, file, key, JWSAlgorithm.RS256);
        }
        if (key instanceof ECKey ec) {
            if (!Curve.P_256.equals(ec.getCurve())) {
                throw invalid(setting, file, "holds an EC key on curve " + ec.getCurve() + "; ES256 needs P-256");
            }
            return only(setting, file, key, JWSAlgorithm.ES256);
        }
        throw invalid(setting, file, "holds a key of type " + key.getKeyType() + "; accepted are RSA (RS256) and"
                + " EC P-256 (ES256) keys, and for HS256 the JWT_SECRET setting");
    }

    private static JWK only(String setting, Path file, JWK key, JWSAlgorithm algorithm) {
        if (key.getAlgorithm() != null && !algorithm.equals(key.getAlgorithm())) {
            throw invalid(setting, file, "holds a key declared for " + key.getAlgorithm() + "; keys of its type are"
                    + " used for " + algorithm + " only");
        }
        return key.toPublicJWK();
    }

    private static String read(String setting, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw invalid(setting, file, "cannot be read (" + e + ")");
        }
    }

    private static IllegalArgumentException invalid(String setting, Path file, String problem) {
        return new IllegalArgumentException("Setting " + setting + " must be a usable key file: '" + file + "' "
                + problem);
    }
}
