package org.homeward.console.signin;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: the OpenID Connect authorization-code flow against a stand-in identity provider
 * (quarkus-test-oidc-server), and the provider's access token passed to the services as the person's own.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.IdentityProvider.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = RecordingService.class, restrictToAnnotatedClass = true)
class OidcSignInTest {

    public static class IdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeward.console.sign-in", "OIDC",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus/",
                    "quarkus.oidc.client-id", "homeward-console",
                    "quarkus.oidc.credentials.secret", "secret",
                    "quarkus.http.auth.permission.pages.policy", "authenticated");
        }
    }

    @Test
    void aPersonSignsInAtTheIdentityProviderAndTheServicesReceiveItsAccessToken() throws Exception {
        // Not signed in: sent to the identity provider, with where to come back.
        Response challenge = given().redirects().follow(false).get("/agreements");
        assertThat(challenge.statusCode()).isEqualTo(302);
        URI provider = URI.create(challenge.header("Location"));
        assertThat(provider.getPath()).isEqualTo("/auth/realms/quarkus");
        Map<String, String> query = query(provider);
        assertThat(query).containsEntry("response_type", "code").containsEntry("client_id", "homeward-console");
        Map<String, String> cookies = new HashMap<>(challenge.getCookies());

        // The provider's login answers with a code for the console's redirect address.
        Response login = given().redirects().follow(false).queryParam("redirect_uri", query.get("redirect_uri"))
                .queryParam("state", query.get("state"))
                .get(provider.resolve("/login").toString());
        assertThat(login.statusCode()).isEqualTo(302);

        // The console exchanges the code for tokens and keeps them in its encrypted session cookie.
        Response callback = given().redirects().follow(false).cookies(cookies).get(login.header("Location"));
        assertThat(callback.statusCode()).isEqualTo(302);
        cookies.putAll(callback.getCookies());
        assertThat(callback.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("q_session").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure"));

        RecordingService.AUTHORIZATIONS.clear();
        Response page = given().redirects().follow(false).cookies(cookies).get("/agreements");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body().asString()).contains("Signed in as 123456", "<h1>Agreements</h1>");
        assertThat(RecordingService.AUTHORIZATIONS).singleElement().satisfies(authorization -> {
            assertThat(authorization).startsWith("Bearer ");
            JwtClaims claims = new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature()
                    .setSkipSignatureVerification().build().processToClaims(authorization.substring("Bearer ".length()));
            assertThat(claims.getSubject()).isEqualTo("123456");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("coordinator");
        });
        // Beside the identity provider there is no page where one picks an organisation and roles.
        assertThat(given().redirects().follow(false).cookies(cookies).get("/sign-in").statusCode()).isEqualTo(404);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
