package org.homeward.console.signin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSessionsTest {

    private final Instant now = Instant.parse("2026-12-07T12:00:00Z");
    private final ConsoleUser user = new ConsoleUser("examiner-hnatiuk", "lab-ua-kyiv", "UA", Set.of("forensic-examiner"),
            "eyJhbGciOiJSUzI1NiJ9.the-token");

    @Test
    void aSessionIsFoundByItsUnguessableIdUntilItsTokenEndsOrItIsEnded() {
        LocalSessions sessions = new LocalSessions(Clock.fixed(now, ZoneOffset.UTC));
        String id = sessions.start(user, now.plus(Duration.ofHours(8)));
        assertThat(id).hasSize(43); // 256 random bits, base64url
        assertThat(sessions.start(user, now.plus(Duration.ofHours(8)))).isNotEqualTo(id);
        assertThat(sessions.find(id)).contains(user);
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find(id + "x")).isEmpty();
        sessions.end(id);
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void aSessionWhoseTokenEndedIsGone() {
        LocalSessions sessions = new LocalSessions(Clock.fixed(now, ZoneOffset.UTC));
        String id = sessions.start(user, now);
        assertThat(sessions.find(id)).isEmpty();
    }

    @Test
    void theTokenNeverAppearsInALogLine() {
        assertThat(user.toString()).contains("examiner-hnatiuk", "lab-ua-kyiv").doesNotContain("eyJ", "the-token");
    }
}
