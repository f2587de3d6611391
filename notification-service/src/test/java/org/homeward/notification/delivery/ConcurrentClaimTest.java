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
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas claim through the database: however many claim at once, a delivery is claimed by one of them,
 * and an endpoint never has two deliveries in flight.
 */
@QuarkusTest
@TestProfile(DormantDispatcher.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class ConcurrentClaimTest {

    @Inject
    DeliveryWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    @Test
    void concurrentClaimsNeverShareADeliveryOrAnEndpoint() throws Exception {
        List<UUID> subscriptions = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int s = 0; s < 6; s++) {
                Subscription subscription = new Subscription("org-claims", "UA", Audience.SCOPED, java.util.Set.of("coordinator"),
                        new SubscriptionSettings("http://127.0.0.1:9/claims", List.of("claims.*"), null, null, null, 1000),
                        SecretCipher.newSecret(), cipher::seal, Instant.now());
                entityManager.persist(subscription);
                for (int d = 0; d < 5; d++) {
                    entityManager.persist(new Delivery(subscription.id(), UUID.randomUUID(), "claims.test", "{}", null, Instant.now()));
                }
                ids.add(subscription.id());
            }
            return ids;
        });
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        List<Callable<List<UUID>>> claims = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            claims.add(() -> worker.claim(10).stream().map(Claim::deliveryId).toList());
        }
        List<UUID> claimed = new ArrayList<>();
        for (Future<List<UUID>> result : replicas.invokeAll(claims)) {
            claimed.addAll(result.get());
        }
        replicas.shutdown();

        // Six endpoints with five due deliveries each: exactly one delivery per endpoint is claimed, once.
        // (Deliveries other test classes left pending may be claimed too; only this test's endpoints count.)
        assertThat(claimed).doesNotHaveDuplicates();
        List<UUID> endpointsOfOurClaims = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select d.subscriptionId from Delivery d where d.id in (:ids) and d.subscriptionId in (:ours)", UUID.class)
                .setParameter("ids", claimed).setParameter("ours", subscriptions).getResultList());
        assertThat(endpointsOfOurClaims).containsExactlyInAnyOrderElementsOf(subscriptions);
    }
}
