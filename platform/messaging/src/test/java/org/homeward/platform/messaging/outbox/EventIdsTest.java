package org.homeward.platform.messaging.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    private static List<UUID> twoWrittenWhileApplying(String consumer, UUID consumed) {
        return EventIds.causedBy(consumer, consumed, () -> List.of(EventIds.next(), EventIds.next()));
    }

    @Test
    void applyingAConsumedEventAgainWritesEventsWithTheSameIds() {
        UUID consumed = UUID.randomUUID();
        List<UUID> first = twoWrittenWhileApplying("svc.consumer", consumed);
        assertThat(twoWrittenWhileApplying("svc.consumer", consumed)).isEqualTo(first);
        assertThat(first.get(0)).isNotEqualTo(first.get(1));
    }

    @Test
    void anotherConsumerOrAnotherEventGivesOtherIds() {
        UUID consumed = UUID.randomUUID();
        List<UUID> first = twoWrittenWhileApplying("svc.consumer", consumed);
        assertThat(twoWrittenWhileApplying("svc.other", consumed)).doesNotContainAnyElementsOf(first);
        assertThat(twoWrittenWhileApplying("svc.consumer", UUID.randomUUID())).doesNotContainAnyElementsOf(first);
    }

    @Test
    void outsideAnApplicationIdsAreRandomAndTheCauseEndsWithIt() {
        UUID consumed = UUID.randomUUID();
        UUID inner = EventIds.causedBy("svc.consumer", consumed, EventIds::next);
        assertThat(EventIds.next()).isNotEqualTo(EventIds.next()).isNotEqualTo(inner);
        assertThat(EventIds.causedBy("svc.consumer", consumed, EventIds::next)).isEqualTo(inner);
    }
}
