package org.homeward.local.infra;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local stand-in for an OAuth2 authorisation server: an RSA signing key, the JWKS the services verify
 * with, and tokens carrying Homeward's claims (sub, groups, org, party). Production uses a real identity
 * provider; the services only ever see the JWKS, the issuer and the audience.
 */
public final class JwtIssuer {

    public static final String ISSUER = "urn:homeward:local-issuer";
    public static final String AUDIENCE = "homeward";

    private final RsaJsonWebKey signingKey;
    private final Path signingKeyFile;
    private final Path jwksFile;

    private JwtIssuer(RsaJsonWebKey signingKey, Path signingKeyFile, Path jwksFile) {
        this.signingKey = signingKey;
        this.signingKeyFile = signingKeyFile;
        this.jwksFile = jwksFile;
    }

    /**
     * Loads the key kept in the directory, or generates and keeps one. The JWKS holds the public key
     * only; the private key file never leaves the (git-ignored) directory.
     */
    public static JwtIssuer loadOrCreate(Path directory) {
        try {
            Files.createDirectories(directory);
            Path privateKeyFile = directory.resolve("signing-key.jwk.json");
            Path jwks = directory.resolve("jwks.json");
            RsaJsonWebKey key;
            if (Files.exists(privateKeyFile)) {
                key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(Files.readString(privateKeyFile));
            } else {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("homeward-local-" + UUID.randomUUID().toString().substring(0, 8));
                key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
                key.setUse("sig");
                Files.writeString(privateKeyFile, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(jwks, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    StandardCharsets.UTF_8);
            return new JwtIssuer(key, privateKeyFile, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("Could not create the local signing key", e);
        }
    }

    public Path jwksFile() {
        return jwksFile;
    }

    /** The private key, for the local console's sign-in page, which mints its users' tokens with it. */
    public Path signingKeyFile() {
        return signingKeyFile;
    }

    /** The smallrye-jwt settings that make a service trust this issuer. */
    public Map<String, String> quarkusConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", jwksFile.toUri().toString(),
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A token for a caller; {@code party} may be null for neutral organisations. */
    public String mint(String subject, String organisation, String party, List<String> roles, Duration ttl) {
        return sign(claims(subject, organisation, party, roles, ttl), signingKey);
    }

    /** The same with the person's display name in the standard {@code name} claim, as identity providers send it. */
    public String mintNamed(String subject, String name, String organisation, String party, List<String> roles,
                            Duration ttl) {
        JwtClaims claims = claims(subject, organisation, party, roles, ttl);
        claims.setStringClaim("name", name);
        return sign(claims, signingKey);
    }

    /** A token signed by a key the services do not know: for tests of forged tokens. */
    public String mintForged(String subject, String organisation, String party, List<String> roles) {
        try {
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId(signingKey.getKeyId());
            return sign(claims(subject, organisation, party, roles, Duration.ofMinutes(5)), stranger);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Tokens every service must refuse with 401, by what is wrong with them: expired, signed by an unknown
     * key, unsigned ("alg": "none"), signed with HS256 keyed by the public key (algorithm confusion), from
     * another issuer, for another audience.
     */
    public Map<String, String> hostileTokens(String subject, String organisation, String party, List<String> roles) {
        try {
            Map<String, String> tokens = new java.util.LinkedHashMap<>();
            JwtClaims expired = claims(subject, organisation, party, roles, Duration.ofMinutes(5));
            expired.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 7200));
            expired.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(System.currentTimeMillis() / 1000 - 3600));
            tokens.put("expired", sign(expired, signingKey));
            tokens.put("unknown key", mintForged(subject, organisation, party, roles));
            JsonWebSignature unsigned = new JsonWebSignature();
            unsigned.setPayload(claims(subject, organisation, party, roles, Duration.ofMinutes(5)).toJson());
            unsigned.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
            unsigned.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
            tokens.put("alg none", unsigned.getCompactSerialization());
            JsonWebSignature confused = new JsonWebSignature();
            confused.setPayload(claims(subject, organisation, party, roles, Duration.ofMinutes(5)).toJson());
            confused.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            confused.setKeyIdHeaderValue(signingKey.getKeyId());
            confused.setKey(new org.jose4j.keys.HmacKey(signingKey.getPublicKey().getEncoded()));
            tokens.put("HS256 with the public key", confused.getCompactSerialization());
            JwtClaims otherIssuer = claims(subject, organisation, party, roles, Duration.ofMinutes(5));
            otherIssuer.setIssuer("urn:someone-else");
            tokens.put("wrong issuer", sign(otherIssuer, signingKey));
            JwtClaims otherAudience = claims(subject, organisation, party, roles, Duration.ofMinutes(5));
            otherAudience.setAudience("not-homeward");
            tokens.put("wrong audience", sign(otherAudience, signingKey));
            return tokens;
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(String subject, String organisation, String party, List<String> roles,
                                    Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(Math.max(1, ttl.toMinutes()));
        claims.setGeneratedJwtId();
        claims.setStringListClaim("groups", roles);
        claims.setStringClaim("org", organisation);
        if (party != null) {
            claims.setStringClaim("party", party);
        }
        return claims;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
