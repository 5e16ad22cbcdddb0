package dev.handfeed.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;

import java.security.Key;
import java.util.List;
import java.util.Set;

/**
 * The keys a token may be checked with: those of the type its algorithm needs (the selection itself is nimbus's),
 * by {@code kid} when the token names one. Tokens from identity providers name their key; a key given without a
 * {@code kid} (a PEM file, a JWK without one) is still tried for them when no key has that {@code kid}.
 */
final class KeySelection implements JWSKeySelector<SecurityContext> {

    private final JWSVerificationKeySelector<SecurityContext> all;
    private final JWSVerificationKeySelector<SecurityContext> unnamed;

    KeySelection(Set<JWSAlgorithm> algorithms, JWKSet keys) {
        this.all = new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(keys));
        this.unnamed = new JWSVerificationKeySelector<>(algorithms, new ImmutableJWKSet<>(
                new JWKSet(keys.getKeys().stream().filter(key -> key.getKeyID() == null).toList())));
    }

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context) throws KeySourceException {
        List<? extends Key> keys = all.selectJWSKeys(header, context);
        if (keys.isEmpty() && header.getKeyID() != null) {
            return unnamed.selectJWSKeys(new JWSHeader.Builder(header).keyID(null).build(), context);
        }
        return keys;
    }
}
