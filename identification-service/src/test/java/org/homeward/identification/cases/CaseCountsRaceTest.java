package org.homeward.identification.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.homeward.identification.OpenedCases;
import org.homeward.identification.RemainsHandover;
import org.homeward.identification.cases.application.CaseAnnouncements;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.local.infra.HomewardTestInfrastructure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sibling cases of one transfer closed at the same moment: the change committed last announces counts
 * that include the other one, as they stand after both (READ COMMITTED alone would count without it).
 */
@QuarkusTest
@QuarkusTestResource(value = HomewardTestInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "identification"))
class CaseCountsRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    CaseAnnouncements announcements;

    @Test
    void theLaterOfTwoConcurrentClosuresCountsTheEarlierOne() throws Exception {
        RemainsHandover handover = RemainsHandover.ruToUa(2);
        List<String> cases = OpenedCases.of(handover, 2);
        UUID first = UUID.fromString(cases.get(0));
        UUID second = UUID.fromString(cases.get(1));
        CountDownLatch firstCounted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);

        CompletableFuture<Void> earlier = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            closeAsUnidentifiable(first);
            firstCounted.countDown();
            await(secondStarted);
            sleep(1_000); // the other transaction counts meanwhile, unless it waits for this one
        }));
        assertThat(firstCounted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> later = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            secondStarted.countDown();
            closeAsUnidentifiable(second);
        }));
        earlier.get(30, TimeUnit.SECONDS);
        later.get(30, TimeUnit.SECONDS);

        assertThat(unidentifiableCounted(first)).isEqualTo(1);
        assertThat(unidentifiableCounted(second)).as("the later closure's event counts both").isEqualTo(2);
    }

    private void closeAsUnidentifiable(UUID caseId) {
        entityManager.createNativeQuery("update remains_case set status = 'UNIDENTIFIABLE' where id = ?1")
                .setParameter(1, caseId).executeUpdate();
        announcements.announce(CaseEvents.UNIDENTIFIABLE, entityManager.find(RemainsCase.class, caseId));
    }

    private int unidentifiableCounted(UUID caseId) throws Exception {
        String payload = QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                        "select cast(payload as text) from outbox_event where aggregateid = ?1 and type = ?2")
                .setParameter(1, caseId.toString()).setParameter(2, CaseEvents.UNIDENTIFIABLE).getSingleResult());
        JsonNode event = JSON.readTree(payload);
        JsonNode data = event.has("data") ? event.path("data") : event;
        return data.path("transferCounts").path("unidentifiable").asInt(-1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
