package org.homeward.console;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's own rules, on the running application (local sign-in; the services are not running, so a page
 * that needs one shows that it could not be reached). The pages over the real services are tested in a real
 * browser by the end-to-end story (SeedStoryIT).
 */
@QuarkusTest
class ConsolePagesTest {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @BeforeAll
    static void signingKey() throws Exception {
        Path key = Path.of("target/test-signing-key.jwk.json");
        if (!Files.exists(key)) {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            jwk.setKeyId("console-test");
            Files.writeString(key, jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
        }
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void withoutASessionEveryPageLeadsToTheSignInPage() {
        for (String page : new String[] {"/", "/agreements", "/cases", "/subscriptions"}) {
            given().redirects().follow(false).get(page).then().statusCode(303)
                    .header("Location", org.hamcrest.Matchers.endsWith("/sign-in"));
        }
    }

    @Test
    void pagesAllowNoInlineScriptOrStyleAndAreNotFramed() {
        Response page = given().get("/sign-in");
        String policy = page.header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        String html = page.body().asString();
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=", "hx-on");
        assertThat(html).contains("\"allowEval\":false", "\"includeIndicatorStyles\":false");
        assertThat(page.headers().getValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("csrf-token=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndStartsNoSession() {
        Response refused = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("subject", "someone").formParam("organisation", "org-ua-coordination")
                .formParam("party", "UA").formParam("roles", "coordinator").post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("<h1 id=\"refusal\">This form has expired</h1>");
        assertThat(refused.getCookie("homeward-console-session")).isNull();
    }

    @Test
    void evidenceAsLongAsTheApiTakesReachesTheServiceInAnyScript() {
        Session session = signIn("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
        Response page = given().cookie("homeward-console-session", session.id).get("/sign-in");
        String evidence = "Зубна формула збігається з картою сімейного стоматолога. ".repeat(170).substring(0, 9000);
        Response sent = given().redirects().follow(false).cookie("homeward-console-session", session.id)
                .cookie("csrf-token", page.getCookie("csrf-token")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf(page.body().asString())).formParam("method", "ODONTOLOGY")
                .formParam("evidence", evidence).formParam("surname", "Коваленко").formParam("nationality", "UA")
                .post("/cases/" + java.util.UUID.randomUUID() + "/proposals");
        // Past the form's limits and sent on: here the service is not running, so the page says it could not be reached.
        assertThat(sent.statusCode()).isEqualTo(502);
        assertThat(sent.body().asString()).contains("A service could not be reached");
    }

    @Test
    void signingInStartsASessionInACookieScriptsCannotReadAndSignsOutAgain() {
        Session session = signIn("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner");
        assertThat(session.setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String home = given().cookie("homeward-console-session", session.id).get("/").body().asString();
        assertThat(home).contains("examiner-hnatiuk", "lab-ua-kyiv", "href=\"/cases\"").doesNotContain("href=\"/subscriptions\"");

        Response page = given().cookie("homeward-console-session", session.id).get("/");
        String token = csrf(page.body().asString());
        given().redirects().follow(false).cookie("homeward-console-session", session.id).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token).post("/sign-out")
                .then().statusCode(303);
        given().redirects().follow(false).cookie("homeward-console-session", session.id).get("/").then().statusCode(303);
    }

    @Test
    void aSignInWithAnUnknownRoleOrAMalformedPartyIsRefusedOnThePage() {
        Response form = given().get("/sign-in");
        String token = csrf(form.body().asString());
        Response refused = given().redirects().follow(false).cookie("csrf-token", form.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                .formParam("subject", "someone").formParam("organisation", "org-ua-coordination")
                .formParam("party", "UA").formParam("roles", "root").post("/sign-in");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("role=\"alert\"", "roles");
        assertThat(refused.getCookie("homeward-console-session")).isNull();
    }

    @Test
    void aServiceThatCannotBeReachedIsAPageThatSaysSo() {
        Session session = signIn("ua-coordinator", "org-ua-coordination", "UA", "coordinator");
        Response page = given().cookie("homeward-console-session", session.id).get("/agreements");
        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body().asString()).contains("A service could not be reached").doesNotContain("Exception", "at org.");
    }

    @Test
    void theLanguageIsTheBrowsersOrTheOneChosenAndTheSwitchReturnsToThisSiteOnly() {
        assertThat(given().header("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5").get("/sign-in").body().asString())
                .contains("<html lang=\"uk\"", "<h1>Вхід</h1>");
        assertThat(given().header("Accept-Language", "de-DE").get("/sign-in").body().asString()).contains("<h1>Sign in</h1>");
        assertThat(given().cookie("homeward-console-language", "ru").header("Accept-Language", "uk").get("/sign-in")
                .body().asString()).contains("<h1>Вход</h1>");

        Response form = given().get("/sign-in");
        String token = csrf(form.body().asString());
        for (String back : new String[] {"//evil.example/x", "https://evil.example", "/\\evil.example"}) {
            Response switched = given().redirects().follow(false).cookie("csrf-token", form.getCookie("csrf-token"))
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                    .formParam("to", "uk").formParam("back", back).post("/language");
            assertThat(switched.statusCode()).isEqualTo(303);
            assertThat(java.net.URI.create(switched.header("Location")).getPath()).isEqualTo("/");
            assertThat(switched.header("Location")).doesNotContain("evil");
            assertThat(switched.getCookie("homeward-console-language")).isEqualTo("uk");
        }
    }

    @Test
    void anAddressNoPageAnswersIsAPlainNotFoundNeverAFailure() {
        for (String path : new String[] {"/no-such-page", "/favicon.ico", "/cases/not-an-id"}) {
            Response missing = given().redirects().follow(false).get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.body().asString()).as(path).contains("<h1 id=\"refusal\">Not found</h1>")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void hostileFormValuesAreRefusedAsPagesNeverAsFailures() {
        Response form = given().get("/sign-in");
        String token = csrf(form.body().asString());
        for (String[] fields : new String[][] {{"to", "xx", "back", "/"}, {"to", "uk", "back", "/%zz"},
                {"to", "uk", "back", "/a%0d%0aSet-Cookie:x=y"}}) {
            Response answer = given().redirects().follow(false).cookie("csrf-token", form.getCookie("csrf-token"))
                    .contentType("application/x-www-form-urlencoded").formParam("csrf-token", token)
                    .formParam(fields[0], fields[1]).formParam(fields[2], fields[3]).post("/language");
            assertThat(answer.statusCode()).as(String.join(" ", fields)).isIn(303, 400);
            assertThat(answer.header("Location") == null ? "" : answer.header("Location")).doesNotContain("%zz", "Set-Cookie");
            assertThat(answer.body().asString()).doesNotContain("Exception");
        }
        // An idempotency key that is no key is refused before anything is sent (a header never carries it).
        Session session = signIn("ua-admin", "org-ua-coordination", "UA", "subscriber-admin");
        Response page = given().cookie("homeward-console-session", session.id).get("/sign-in");
        Response refused = given().redirects().follow(false).cookie("homeward-console-session", session.id)
                .cookie("csrf-token", page.getCookie("csrf-token")).contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", csrf(page.body().asString())).formParam("idempotencyKey", "a\r\nX-Evil: 1")
                .formParam("url", "https://example.org/hook").formParam("eventTypes", "transfer.*").post("/subscriptions");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("idempotencyKey").doesNotContain("Exception");
    }

    private record Session(String id, String setCookie) {
    }

    private static Session signIn(String subject, String organisation, String party, String role) {
        Response form = given().get("/sign-in");
        Response signedIn = given().redirects().follow(false).cookie("csrf-token", form.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded").formParam("csrf-token", csrf(form.body().asString()))
                .formParam("subject", subject).formParam("organisation", organisation).formParam("party", party)
                .formParam("roles", role).post("/sign-in");
        assertThat(signedIn.statusCode()).isEqualTo(303);
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("homeward-console-session=")).findFirst().orElseThrow();
        return new Session(signedIn.getCookie("homeward-console-session"), setCookie);
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF_FIELD.matcher(html);
        assertThat(matcher.find()).as("a CSRF field in the form").isTrue();
        return matcher.group(1);
    }
}
