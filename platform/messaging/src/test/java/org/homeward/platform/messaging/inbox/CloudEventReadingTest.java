package org.homeward.platform.messaging.inbox;

import org.homeward.platform.messaging.CloudEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Consumers are tolerant readers of what producers may add, and strict about what no producer may send. */
class CloudEventReadingTest {

    private static final String EVENT = "{\"specversion\":\"1.0\",\"id\":\"9f0c3c52-5d0a-4a4e-9d65-0a8f7f3c2b11\","
            + "\"source\":\"/homeward/transfer-service\",\"type\":\"transfer.transfer.received\",\"subject\":\"t-1\","
            + "\"time\":\"2025-06-11T10:00:00Z\",\"datacontenttype\":\"application/json\",%s\"data\":{\"received\":1200%s}}";

    @Test
    void unknownAttributesAndDataFieldsFromANewerProducerAreIgnored() {
        CloudEvent event = InboxProcessor.parse(EVENT.formatted("\"traceparentext\":\"x\",", ",\"addedLater\":[1,2]"));
        assertThat(event.type()).isEqualTo("transfer.transfer.received");
        assertThat(event.data().path("received").asInt()).isEqualTo(1200);
    }

    @Test
    void aKeyGivenTwiceOrAMissingAttributeIsPoison() {
        assertThatThrownBy(() -> InboxProcessor.parse(EVENT.formatted("", ",\"received\":1201")))
                .isInstanceOf(PoisonMessage.class).hasMessageContaining("Not a CloudEvent");
        assertThatThrownBy(() -> InboxProcessor.parse(EVENT.formatted("", "").replace("\"specversion\":\"1.0\",", "")))
                .isInstanceOf(PoisonMessage.class);
        assertThatThrownBy(() -> InboxProcessor.parse("[]")).isInstanceOf(PoisonMessage.class);
        assertThatThrownBy(() -> InboxProcessor.parse(null)).isInstanceOf(PoisonMessage.class);
    }

    @Test
    void failuresAreToldApartBySqlStateClass() {
        assertThat(FailureKind.of(new RuntimeException(new java.sql.SQLException("gone", "08006")))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("serialization", "40001"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("too many", "53300"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("admin shutdown", "57P01"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("lock not available", "55P03"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new jakarta.persistence.OptimisticLockException("raced"))).isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new RuntimeException(new java.sql.SQLException("Acquisition timeout while waiting for new connection"))))
                .isEqualTo(FailureKind.TRANSIENT);
        assertThat(FailureKind.of(new java.sql.SQLException("check", "23514"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new java.sql.SQLException("invalid text", "22P02"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new PoisonMessage("bad"))).isEqualTo(FailureKind.POISON);
        assertThat(FailureKind.of(new IllegalStateException("bug"))).isEqualTo(FailureKind.HANDLER_FAILURE);
        assertThat(FailureKind.sqlState(new RuntimeException(new java.sql.SQLException("x", "23505")))).isEqualTo("23505");
        // At commit the transaction manager throws its own RollbackException, the database's refusal suppressed in it.
        RuntimeException atCommit = new RuntimeException(new jakarta.transaction.RollbackException("ARJUNA016053"));
        atCommit.getCause().addSuppressed(new RuntimeException(new java.sql.SQLException("deadlock", "40P01")));
        assertThat(FailureKind.of(atCommit)).isEqualTo(FailureKind.TRANSIENT);
        RuntimeException deferredCheck = new RuntimeException(new jakarta.transaction.RollbackException("ARJUNA016053"));
        deferredCheck.getCause().addSuppressed(new java.sql.SQLException("unique", "23505"));
        assertThat(FailureKind.of(deferredCheck)).isEqualTo(FailureKind.POISON);
    }
}
