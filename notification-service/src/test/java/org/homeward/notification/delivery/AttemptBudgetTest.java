package org.homeward.notification.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lease that an attempt could outlive would let a delivery go out twice at once: the start is refused. */
class AttemptBudgetTest {

    private final AttemptBudget defaults = new AttemptBudget(Duration.ofSeconds(5), Duration.ofSeconds(10));

    @Test
    void theLongestAttemptIsConnectingAndThenTheWholeAnswer() {
        assertThat(defaults.longest()).isEqualTo(Duration.ofSeconds(15));
        defaults.requireShorterThan(Duration.ofSeconds(60));
        defaults.requireShorterThan(Duration.ofMillis(15_001));
    }

    @Test
    void aLeaseNoLongerThanTheLongestAttemptRefusesTheStartNamingTheSettings() {
        for (Duration lease : new Duration[] {Duration.ofSeconds(15), Duration.ofSeconds(10)}) {
            assertThatThrownBy(() -> defaults.requireShorterThan(lease)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("homeward.webhooks.lease")
                    .hasMessageContaining("homeward.webhooks.connect-timeout + homeward.webhooks.response-timeout")
                    .hasMessageContaining("refusing to start");
        }
    }
}
