package org.homeward.local.infra;

import java.time.Duration;
import java.util.List;

/** Bearer tokens for tests, signed by the shared test issuer. */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String organisation, String party, String... roles) {
        return SharedTestInfrastructure.runningJwtIssuer()
                .mint("user-of-" + organisation, organisation, party, List.of(roles), Duration.ofMinutes(30));
    }

    public static String bearer(String organisation, String party, String... roles) {
        return "Bearer " + token(organisation, party, roles);
    }

    /** A token of a named person of the organisation, where two people of one organisation must differ. */
    public static String bearerOf(String subject, String organisation, String party, String... roles) {
        return "Bearer " + SharedTestInfrastructure.runningJwtIssuer()
                .mint(subject, organisation, party, List.of(roles), Duration.ofMinutes(30));
    }

    /** A token of a named person whose display name ({@code name} claim) the service records beside the subject. */
    public static String bearerNamed(String subject, String name, String organisation, String party, String... roles) {
        return "Bearer " + SharedTestInfrastructure.runningJwtIssuer()
                .mintNamed(subject, name, organisation, party, List.of(roles), Duration.ofMinutes(30));
    }

    public static String forgedBearer(String organisation, String party, String... roles) {
        return "Bearer " + SharedTestInfrastructure.runningJwtIssuer()
                .mintForged("user-of-" + organisation, organisation, party, List.of(roles));
    }
}
