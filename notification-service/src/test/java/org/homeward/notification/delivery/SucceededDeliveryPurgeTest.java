package org.homeward.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.homeward.notification.Audience;
import org.homeward.notification.Delivery;
import org.homeward.notification.DeliveryAttempt;
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Succeeded deliveries and their attempts go after the retention; failed and pending ones stay. */
@QuarkusTest
@TestProfile(DormantDispatcher.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class SucceededDeliveryPurgeTest {

    @Inject
    SucceededDeliveryPurge purge;

    @Inject
    WebhookConfig config;

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    @Test
    void succeededDeliveriesAndTheirAttemptsArePurgedAfterTheRetentionOthersStay() {
        assertThat(config.succeededRetention()).isEqualTo(Duration.ofDays(30));
        Instant now = Instant.now();
        Instant longAgo = now.minus(config.succeededRetention()).minus(Duration.ofDays(1));
        Map<String, UUID> deliveries = QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = new Subscription("org-purge", "UA", Audience.SCOPED, java.util.Set.of("coordinator"),
                    new SubscriptionSettings("https://hooks.example.org/purge", List.of("purge.*"), null, null, null, 10),
                    SecretCipher.newSecret(), cipher::seal, longAgo);
            subscription.pause(); // its pending delivery is not for any other test's claims
            entityManager.persist(subscription);
            Delivery oldSuccess = delivery(subscription, longAgo);
            oldSuccess.succeeded(200, longAgo);
            Delivery recentSuccess = delivery(subscription, now.minus(Duration.ofDays(1)));
            recentSuccess.succeeded(204, now.minus(Duration.ofDays(1)));
            Delivery oldFailure = delivery(subscription, longAgo);
            oldFailure.failed(500, null);
            Delivery oldPending = delivery(subscription, longAgo);
            entityManager.flush(); // the attempts refer to the deliveries
            attempt(oldSuccess, longAgo);
            attempt(oldFailure, longAgo);
            return Map.of("oldSuccess", oldSuccess.id(), "recentSuccess", recentSuccess.id(),
                    "oldFailure", oldFailure.id(), "oldPending", oldPending.id());
        });

        purge.purgeSucceededBefore(now.minus(config.succeededRetention()));

        assertThat(exists(deliveries.get("oldSuccess"))).isFalse();
        assertThat(attemptsOf(deliveries.get("oldSuccess"))).isZero();
        assertThat(exists(deliveries.get("recentSuccess"))).isTrue();
        assertThat(exists(deliveries.get("oldFailure"))).isTrue();
        assertThat(attemptsOf(deliveries.get("oldFailure"))).isEqualTo(1);
        assertThat(exists(deliveries.get("oldPending"))).isTrue();
    }

    private Delivery delivery(Subscription subscription, Instant createdAt) {
        Delivery delivery = new Delivery(subscription.id(), UUID.randomUUID(), "purge.test", "{}", null, createdAt);
        entityManager.persist(delivery);
        return delivery;
    }

    private void attempt(Delivery delivery, Instant at) {
        DeliveryAttempt attempt = new DeliveryAttempt();
        attempt.deliveryId = delivery.id();
        attempt.attemptedAt = at;
        attempt.statusCode = delivery.lastStatus();
        attempt.latencyMs = 12;
        entityManager.persist(attempt);
    }

    private boolean exists(UUID delivery) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(Delivery.class, delivery) != null);
    }

    private long attemptsOf(UUID delivery) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select count(a) from DeliveryAttempt a where a.deliveryId = :id", Long.class)
                .setParameter("id", delivery).getSingleResult());
    }
}
