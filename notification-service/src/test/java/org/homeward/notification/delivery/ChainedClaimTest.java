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
import org.homeward.notification.DeliveryStatus;
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker that records an attempt claims its endpoint's next delivery in the same transaction, under the
 * rules every claim keeps: one request in flight per endpoint, the endpoint active, its rate limit. The
 * test drives claims and outcomes itself (no dispatcher runs); no request is sent.
 */
@QuarkusTest
@TestProfile(DormantDispatcher.class)
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "notification"))
class ChainedClaimTest {

    private static final DeliveryRecorder.Outcome OK = DeliveryRecorder.Outcome.answered(200, "ok", null);

    @Inject
    DeliveryWorker worker;

    @Inject
    DeliveryRecorder recorder;

    @Inject
    EntityManager entityManager;

    @Inject
    SecretCipher cipher;

    @Test
    void recordingAnOutcomeLeasesAndReadsTheEndpointsNextDeliveryWhichNoOtherClaimCanThenTake() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        UUID endpoint = subscription("/chain", 1000);
        List<UUID> backlog = backlog(endpoint, 3);
        Claim first = onlyClaim(backlog);
        assertThat(first.deliveryId()).isEqualTo(backlog.get(0));

        LeasedDelivery second = recorder.recordAndClaimNext(first, OK, Instant.now()).orElseThrow();

        assertThat(second.claim().deliveryId()).isEqualTo(backlog.get(1));
        assertThat(second.claim().leaseToken()).isNotEqualTo(first.leaseToken());
        assertThat(second.stillLeased()).isTrue();
        assertThat(second.subscription().id()).isEqualTo(endpoint);
        assertThat(stored(backlog.get(0)).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        // The endpoint has its one request in flight again: the dispatcher's claim passes it by.
        assertThat(claimedOf(backlog)).isEmpty();

        LeasedDelivery third = recorder.recordAndClaimNext(second.claim(), OK, Instant.now()).orElseThrow();
        assertThat(third.claim().deliveryId()).isEqualTo(backlog.get(2));
        assertThat(recorder.recordAndClaimNext(third.claim(), OK, Instant.now())).isEmpty();
        assertThat(backlog).allSatisfy(id -> assertThat(stored(id).status()).isEqualTo(DeliveryStatus.SUCCEEDED));
    }

    @Test
    void whileADispatcherClaimHoldsTheClaimLockTheOutcomeIsRecordedAloneAndTheDispatcherHandsOutTheNext()
            throws Exception {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        UUID endpoint = subscription("/chain-contended", 1000);
        List<UUID> backlog = backlog(endpoint, 2);
        Claim first = onlyClaim(backlog);
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        ExecutorService dispatcher = Executors.newSingleThreadExecutor();
        try {
            Future<?> claiming = dispatcher.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('homeward-webhook-claim'))")
                        .getSingleResult();
                locked.countDown();
                await().atMost(Duration.ofSeconds(30)).until(() -> done.getCount() == 0);
            }));
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(recorder.recordAndClaimNext(first, OK, Instant.now())).isEmpty();
            assertThat(stored(backlog.get(0)).status()).isEqualTo(DeliveryStatus.SUCCEEDED);
            done.countDown();
            claiming.get(30, TimeUnit.SECONDS);
        } finally {
            done.countDown();
            dispatcher.shutdownNow();
        }
        assertThat(claimedOf(backlog)).containsExactly(backlog.get(1));
    }

    @Test
    void aPausedEndpointIsNotClaimedNext() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        UUID endpoint = subscription("/chain-paused", 1000);
        List<UUID> backlog = backlog(endpoint, 2);
        Claim first = onlyClaim(backlog);
        QuarkusTransaction.requiringNew().run(() -> entityManager.find(Subscription.class, endpoint).pause());

        assertThat(recorder.recordAndClaimNext(first, OK, Instant.now())).isEmpty();
        assertThat(stored(backlog.get(1)).status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(claimedOf(backlog)).isEmpty();
    }

    @Test
    void theNextDeliveryWaitsForTheEndpointsRateLimitAndThenAnyClaimMayTakeIt() {
        DormantDispatcher.leaseWhatOthersLeft(worker);
        UUID endpoint = subscription("/chain-slow", 1);
        List<UUID> backlog = backlog(endpoint, 2);
        Claim first = onlyClaim(backlog);

        // One request a second, and the last one is stamped a second ahead: no room for another, however
        // slowly this machine gets to the next line.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update subscription set last_attempt_at = now() + interval '1 second' where id = :id")
                .setParameter("id", endpoint).executeUpdate());
        assertThat(recorder.recordAndClaimNext(first, OK, Instant.now())).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> claimedOf(backlog).contains(backlog.get(1)));
    }

    private UUID subscription(String path, int rateLimitPerSecond) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Subscription subscription = new Subscription("org-chain", "UA", Audience.SCOPED, java.util.Set.of("coordinator"),
                    new SubscriptionSettings("http://127.0.0.1:9" + path, List.of("chain.*"), null, null, null,
                            rateLimitPerSecond),
                    SecretCipher.newSecret(), cipher::seal, Instant.now());
            entityManager.persist(subscription);
            return subscription.id();
        });
    }

    /** Deliveries due a minute ago, a millisecond apart, in the order they are due. */
    private List<UUID> backlog(UUID endpoint, int size) {
        Instant due = Instant.now().minus(Duration.ofMinutes(1));
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Delivery delivery = new Delivery(endpoint, UUID.randomUUID(), "chain.test", "{}", null, due.plusMillis(i));
                entityManager.persist(delivery);
                ids.add(delivery.id());
            }
            return ids;
        });
    }

    /**
     * The claim of this test's endpoint, which has one; deliveries other test classes left to fall due later
     * may be claimed beside it.
     */
    private Claim onlyClaim(List<UUID> backlog) {
        List<Claim> claims = worker.claim(100).stream().filter(c -> backlog.contains(c.deliveryId())).toList();
        assertThat(claims).hasSize(1);
        return claims.get(0);
    }

    /** Which of the backlog a dispatcher's claim takes now. */
    private List<UUID> claimedOf(List<UUID> backlog) {
        return worker.claim(100).stream().map(Claim::deliveryId).filter(backlog::contains).toList();
    }

    private Delivery stored(UUID delivery) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(Delivery.class, delivery));
    }
}
