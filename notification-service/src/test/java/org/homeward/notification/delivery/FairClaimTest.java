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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under saturation (more endpoints with a backlog than workers) every endpoint gets its turn, the one that
 * has waited longest first, before any gets a second. Two workers are played by the test: each round claims
 * as many deliveries as two workers would take and delivers them to a real receiver.
 */
@QuarkusTest
@TestProfile(DormantDispatcher.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class FairClaimTest {

    private static final int ENDPOINTS = 6;
    private static final int BACKLOG = 3;
    private static final int WORKERS = 2;

    private static Receiver receiver;

    @Inject
    DeliveryWorker worker;

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    @BeforeAll
    static void startReceiver() {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void withMoreBusyEndpointsThanWorkersEveryEndpointIsServedInTurnLongestWaitingFirst() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        Instant now = Instant.now();
        // Endpoint 0 is stored first, so a claim in storage order would favour it; yet its deliveries are the
        // newest: endpoint 5's have waited longest.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int endpoint = 0; endpoint < ENDPOINTS; endpoint++) {
                Subscription subscription = new Subscription("org-fair", "UA", Audience.SCOPED, java.util.Set.of("coordinator"),
                        new SubscriptionSettings(receiver.url("/fair-" + endpoint), List.of("fair.*"), null, null, null, 1000),
                        SecretCipher.newSecret(), cipher::seal, now);
                entityManager.persist(subscription);
                for (int d = 0; d < BACKLOG; d++) {
                    Instant due = now.minus(Duration.ofMinutes(endpoint + 1)).plusMillis(d);
                    entityManager.persist(new Delivery(subscription.id(), UUID.randomUUID(), "fair.test", "{}", null, due));
                }
            }
        });

        for (int round = 0; round < ENDPOINTS * BACKLOG / WORKERS; round++) {
            worker.claim(WORKERS).forEach(worker::deliver);
        }

        List<String> expected = new ArrayList<>();
        for (int turn = 0; turn < BACKLOG; turn++) {
            for (int endpoint = ENDPOINTS - 1; endpoint >= 0; endpoint--) {
                expected.add("/fair-" + endpoint);
            }
        }
        assertThat(receiver.paths()).containsExactlyElementsOf(expected);
    }

    /**
     * One organisation's endpoints hold two workers with slow requests when another organisation's delivery
     * falls due: the next free worker goes to it, though the first organisation's other endpoints have waited
     * longer. It waits for one attempt, not for the crowd's backlog.
     */
    @Test
    void oneOrganisationsManyEndpointsDoNotHoldBackAnothersDelivery() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int endpoint = 0; endpoint < 10; endpoint++) {
                Subscription crowd = subscription("org-crowd", "/crowd-" + endpoint, now);
                entityManager.persist(new Delivery(crowd.id(), UUID.randomUUID(), "fair.test", "{}", null,
                        now.minus(Duration.ofMinutes(10)).plusMillis(endpoint)));
            }
        });
        assertThat(worker.claim(WORKERS)).hasSize(WORKERS); // both workers busy with the crowd, not delivered yet

        UUID lone = QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = subscription("org-lone", "/lone", now);
            Delivery delivery = new Delivery(subscription.id(), UUID.randomUUID(), "fair.test", "{}", null, now);
            entityManager.persist(delivery);
            return delivery.id();
        });

        assertThat(worker.claim(1)).extracting(Claim::deliveryId).containsExactly(lone);
    }

    private Subscription subscription(String organisation, String path, Instant now) {
        Subscription subscription = new Subscription(organisation, "UA", Audience.SCOPED, java.util.Set.of("coordinator"),
                new SubscriptionSettings(receiver.url(path), List.of("fair.*"), null, null, null, 1000),
                SecretCipher.newSecret(), cipher::seal, now);
        entityManager.persist(subscription);
        return subscription;
    }
}
