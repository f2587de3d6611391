package org.homeward.identification.cases;

import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustodyChainTest {

    private static final Actor EXAMINER = new Actor("examiner-a", "lab-ua");
    private static final Instant T0 = Instant.parse("2025-06-12T12:00:00Z");
    private static final Instant NOW = T0.plusSeconds(86400);
    private final UUID caseId = UUID.randomUUID();
    private final List<CustodyEntry> entries = new ArrayList<>();

    private CustodyEntry append(String item, String sampleType, Instant from) {
        CustodyEntry entry = new CustodyChain(caseId, entries).append(item, sampleType, "holder", "place", from, EXAMINER, NOW);
        entries.add(entry);
        return entry;
    }

    @Test
    void theRemainsComeFirstAndEachItemsLinksFollowInTime() {
        assertThatThrownBy(() -> append("S-1", "tooth", T0)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("remains' custody before samples");
        assertThatThrownBy(() -> append(CustodyEntry.REMAINS, "tooth", T0)).isInstanceOf(RuleViolation.class);
        append(CustodyEntry.REMAINS, null, T0);
        assertThatThrownBy(() -> append("S-1", null, T0.plusSeconds(60))).hasMessageContaining("states what it is");
        assertThatThrownBy(() -> append("S-1", "tooth", T0.minusSeconds(1))).hasMessageContaining("before the remains");
        append("S-1", "tooth", T0.plusSeconds(60));
        assertThatThrownBy(() -> append("S-1", "femur", T0.plusSeconds(120))).hasMessageContaining("does not change");
        assertThatThrownBy(() -> append("S-1", null, T0.plusSeconds(60))).hasMessageContaining("must begin after");
        CustodyEntry handedOn = append("S-1", null, T0.plusSeconds(120));
        assertThat(handedOn.sampleType()).isEqualTo("tooth");
        assertThatThrownBy(() -> append(CustodyEntry.REMAINS, null, NOW.plusSeconds(1))).hasMessageContaining("future");

        CustodyChain chain = new CustodyChain(caseId, entries);
        assertThat(chain.heldUntil(entries.get(1))).contains(T0.plusSeconds(120));
        assertThat(chain.heldUntil(entries.get(0))).isEmpty();
        assertThat(chain.heldUntil(entries.get(2))).isEmpty();
        assertThat(entries).extracting(CustodyEntry::position).containsExactly(0, 1, 2);
    }
}
