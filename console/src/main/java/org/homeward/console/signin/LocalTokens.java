package org.homeward.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Mints the services' tokens for the local sign-in, with the key the launcher generated for its platform
 * (the services trust its public half). The claims are those an identity provider gives in production:
 * issuer, audience {@code homeward}, subject, {@code groups}, {@code org} and {@code party}.
 */
@ApplicationScoped
public class LocalTokens {

    /** The services refuse tokens older than eight hours; a local session ends a little before. */
    static final Duration LIFETIME = Duration.ofHours(7).plusMinutes(50);

    private final Optional<Path> keyFile;
    private final String issuer;
    private volatile RsaJsonWebKey key;

    LocalTokens(@ConfigProperty(name = "homeward.console.local.signing-key") Optional<Path> keyFile,
                @ConfigProperty(name = "homeward.console.local.issuer", defaultValue = "urn:homeward:local-issuer") String issuer) {
        this.keyFile = keyFile;
        this.issuer = issuer;
    }

    public record Minted(String token, Instant expiresAt) {
    }

    public Minted mint(String subject, String organisation, String party, List<String> roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience("homeward");
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        Instant expiresAt = Instant.now().plus(LIFETIME);
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", roles);
        claims.setStringClaim("org", organisation);
        if (party != null) {
            claims.setStringClaim("party", party);
        }
        RsaJsonWebKey signing = key();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signing.getPrivateKey());
        jws.setKeyIdHeaderValue(signing.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return new Minted(jws.getCompactSerialization(), expiresAt);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a local token", e);
        }
    }

    private RsaJsonWebKey key() {
        if (key == null) {
            Path file = keyFile.orElseThrow(() -> new IllegalStateException(
                    "homeward.console.local.signing-key names no key: the launcher sets it to its platform's key"));
            try {
                key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the local signing key " + file, e);
            } catch (JoseException | ClassCastException e) {
                throw new IllegalStateException(file + " holds no RSA JSON Web Key", e);
            }
        }
        return key;
    }
}
