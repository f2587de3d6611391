package org.homeward.platform.messaging.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventIdsTest {

    /** What an application writes: a case opened, and two statistics events alike (no sequence). */
    private static List<UUID> writtenWhileApplying(String consumer, UUID consumed) {
        return EventIds.causedBy(consumer, consumed, () -> List.of(EventIds.next("case", "c-1", "case.opened", 1L),
                EventIds.next("statistics", "t-1", "statistics.changed", null),
                EventIds.next("statistics", "t-1", "statistics.changed", null)));
    }

    @Test
    void applyingAConsumedEventAgainWritesEventsWithTheSameIds() {
        UUID consumed = UUID.randomUUID();
        List<UUID> first = writtenWhileApplying("svc.consumer", consumed);
        assertThat(writtenWhileApplying("svc.consumer", consumed)).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void theIdsDependOnWhatIsWrittenNotOnItsPlaceAmongOthers() {
        UUID consumed = UUID.randomUUID();
        UUID opened = EventIds.causedBy("svc.consumer", consumed, () -> EventIds.next("case", "c-1", "case.opened", 1L));
        UUID afterAnother = EventIds.causedBy("svc.consumer", consumed, () -> {
            EventIds.next("case", "c-2", "case.opened", 1L);
            return EventIds.next("case", "c-1", "case.opened", 1L);
        });
        assertThat(afterAnother).isEqualTo(opened);
        UUID anotherSequence = EventIds.causedBy("svc.consumer", consumed, () -> EventIds.next("case", "c-1", "case.opened", 2L));
        assertThat(anotherSequence).as("a different state is a different event").isNotEqualTo(opened);
    }

    @Test
    void anotherConsumerOrAnotherEventGivesOtherIds() {
        UUID consumed = UUID.randomUUID();
        List<UUID> first = writtenWhileApplying("svc.consumer", consumed);
        assertThat(writtenWhileApplying("svc.other", consumed)).doesNotContainAnyElementsOf(first);
        assertThat(writtenWhileApplying("svc.consumer", UUID.randomUUID())).doesNotContainAnyElementsOf(first);
    }

    @Test
    void outsideAnApplicationIdsAreRandomAndTheCauseEndsWithItEvenWhenItFails() {
        UUID consumed = UUID.randomUUID();
        UUID inner = EventIds.causedBy("svc.consumer", consumed, () -> EventIds.next("case", "c-1", "case.opened", 1L));
        assertThatThrownBy(() -> EventIds.causedBy("svc.consumer", UUID.randomUUID(), () -> {
            throw new IllegalStateException("handler failed");
        })).isInstanceOf(IllegalStateException.class);
        UUID outside = EventIds.next("case", "c-1", "case.opened", 1L);
        assertThat(outside).isNotEqualTo(inner).isNotEqualTo(EventIds.next("case", "c-1", "case.opened", 1L));
    }

    @Test
    void aNestedApplicationRestoresTheOuterCause() {
        UUID outer = UUID.randomUUID();
        UUID alone = EventIds.causedBy("svc.consumer", outer, () -> EventIds.next("case", "c-9", "case.opened", 1L));
        UUID afterNested = EventIds.causedBy("svc.consumer", outer, () -> {
            EventIds.causedBy("svc.other", UUID.randomUUID(), () -> EventIds.next("case", "c-9", "case.opened", 1L));
            return EventIds.next("case", "c-9", "case.opened", 1L);
        });
        assertThat(afterNested).isEqualTo(alone);
    }
}
