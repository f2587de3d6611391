package org.homeward.platform.messaging.failpoint;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The crash points themselves are exercised by the end-to-end test (SeedStoryIT); here, who may arm them and how. */
class FailpointsTest {

    @Test
    void armedPointsAreRefusedOutsideTheEndToEndProfile() {
        assertThatThrownBy(() -> new Failpoints(Optional.of("inbox.after-commit=3"), List.of("prod")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("profile e2e");
    }

    @Test
    void theEndToEndProfileArmsThem() {
        assertThat(new Failpoints(Optional.of("inbox.after-commit@ledger=3, relay.after-send=2"), List.of("prod", "e2e"))
                .armed()).isTrue();
    }

    @Test
    void nothingConfiguredArmsNothingAndReachingIsHarmless() {
        Failpoints none = new Failpoints(Optional.empty(), List.of("prod"));
        assertThat(none.armed()).isFalse();
        none.reach(Failpoints.INBOX_AFTER_COMMIT, "some-consumer");
        none.reach(Failpoints.RELAY_AFTER_SEND);
    }

    @Test
    void anUnknownPointOrAMalformedPairIsRefused() {
        assertThatThrownBy(() -> new Failpoints(Optional.of("outbox.somewhere=1"), List.of("e2e")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Failpoints(Optional.of("inbox.after-commit"), List.of("e2e")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Failpoints(Optional.of("relay.after-send=0"), List.of("e2e")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsArmedWhileRunningOnlyInTheEndToEndProfile() {
        Failpoints running = new Failpoints(Optional.empty(), List.of("prod", "e2e"));
        assertThat(running.armable()).isTrue();
        running.arm("inbox.after-commit@ledger=3");
        assertThat(running.armed()).isTrue();
        assertThatThrownBy(() -> running.arm("nowhere=1")).isInstanceOf(IllegalArgumentException.class);

        Failpoints production = new Failpoints(Optional.empty(), List.of("prod"));
        assertThat(production.armable()).isFalse();
        assertThatThrownBy(() -> production.arm("relay.after-send=1")).isInstanceOf(IllegalStateException.class);
        assertThat(production.armed()).isFalse();
    }

    @Test
    void theEndToEndProfileIsRefusedInAKubernetesPod() {
        assertThatThrownBy(() -> new Failpoints(Optional.empty(), List.of("prod", "e2e"), true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Kubernetes");
        assertThat(new Failpoints(Optional.empty(), List.of("prod"), true).armable()).isFalse();
    }
}
