package org.homeward.notification.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.homeward.notification.Audience;
import org.homeward.notification.Delivery;
import org.homeward.notification.DeliveryAttempt;
import org.homeward.notification.DeliveryStatus;
import org.homeward.notification.Subscription;
import org.homeward.notification.SubscriptionSettings;
import org.homeward.notification.delivery.SecretCipher;
import org.homeward.notification.delivery.SsrfGuard;
import org.homeward.notification.delivery.TargetRefused;
import org.homeward.notification.delivery.WebhookConfig;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.messaging.CloudEvent;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.persistence.DatabaseClock;
import org.homeward.platform.persistence.TransactionLock;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An organisation's subscriber-admin manages its own organisation's subscriptions; nobody sees another
 * organisation's. Secrets are returned once, at creation and at rotation.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class SubscriptionService {

    static final String TEST_EVENT = "homeward.test";
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A subscription with the secret that is shown this once. */
    public record WithSecret(Subscription subscription, String secret) {
    }

    private final EntityManager entityManager;
    private final SecretCipher cipher;
    private final WebhookConfig config;
    private final SsrfGuard guard;
    private final Caller caller;
    private final AuditLog audit;
    private final ObjectMapper json;

    public SubscriptionService(EntityManager entityManager, SecretCipher cipher, WebhookConfig config, SsrfGuard guard,
                               Caller caller, AuditLog audit, ObjectMapper json) {
        this.entityManager = entityManager;
        this.cipher = cipher;
        this.config = config;
        this.guard = guard;
        this.caller = caller;
        this.audit = audit;
        this.json = json;
    }

    public WithSecret create(SubscriptionSettings settings) {
        checkUrl(settings.url());
        requireReadingRoleForCaseEvents(settings);
        // Counted under the organisation's lock, so two creations at once cannot both take the last place.
        TransactionLock.hold(entityManager, "subscriptions:" + caller.organisation());
        long held = entityManager.createQuery("select count(s) from Subscription s where s.organisation = :organisation",
                Long.class).setParameter("organisation", caller.organisation()).getSingleResult();
        if (held >= config.maxSubscriptionsPerOrganisation()) {
            throw new RuleViolation("url", "An organisation may hold at most " + config.maxSubscriptionsPerOrganisation()
                    + " subscriptions; delete one, or send several event types to one endpoint");
        }
        String secret = SecretCipher.newSecret();
        Audience audience = caller.hasRole(Roles.OBSERVER) && caller.party().isEmpty() ? Audience.COUNTS_ONLY : Audience.SCOPED;
        Subscription subscription = new Subscription(caller.organisation(), caller.party().orElse(null), audience,
                caller.roles(), settings, secret, cipher::seal, Instant.now());
        entityManager.persist(subscription);
        audit.record("subscription.create", "subscription", subscription.id().toString());
        return new WithSecret(subscription, secret);
    }

    public Subscription update(UUID id, SubscriptionSettings settings) {
        checkUrl(settings.url());
        requireReadingRoleForCaseEvents(settings);
        Subscription subscription = own(id);
        subscription.update(settings, caller.roles());
        audit.record("subscription.update", "subscription", id.toString());
        return subscription;
    }

    public Subscription pause(UUID id) {
        Subscription subscription = own(id);
        subscription.pause();
        audit.record("subscription.pause", "subscription", id.toString());
        return subscription;
    }

    public Subscription resume(UUID id) {
        Subscription subscription = own(id);
        subscription.resume();
        audit.record("subscription.resume", "subscription", id.toString());
        return subscription;
    }

    public void delete(UUID id) {
        entityManager.remove(own(id));
        audit.record("subscription.delete", "subscription", id.toString());
    }

    public WithSecret rotateSecret(UUID id) {
        Subscription subscription = own(id);
        String secret = SecretCipher.newSecret();
        subscription.rotateSecret(secret, cipher::seal, Instant.now().plus(config.rotationOverlap()));
        audit.record("subscription.rotate-secret", "subscription", id.toString());
        return new WithSecret(subscription, secret);
    }

    /**
     * A subscription to identification events is told them as its admin's roles could read the case; an admin
     * with no reading role would subscribe to silence, so the request is refused instead of accepted for nothing.
     */
    private void requireReadingRoleForCaseEvents(SubscriptionSettings settings) {
        // "*" asks for everything: its identification events are simply none for such an admin.
        boolean asksForCases = settings.eventTypes().stream().anyMatch(pattern -> pattern.startsWith("identification."));
        if (asksForCases && !Subscription.holdsReadingRole(caller.roles())) {
            throw new RuleViolation("eventTypes", "Identification events are told as your roles could read the case"
                    + " (coordinator, forensic-examiner, mediator, intermediary, observer or auditor); with none of"
                    + " them you would be told none");
        }
    }

    /** Queues a {@code homeward.test} event for this subscription only. */
    public Delivery sendTest(UUID id) {
        Subscription subscription = own(id);
        // Held until commit: two tests at once are one test and one refusal.
        TransactionLock.hold(entityManager, "subscription-test:" + id);
        Instant now = DatabaseClock.now(entityManager);
        List<Instant> lastMinute = entityManager.createQuery("select d.createdAt from Delivery d"
                        + " where d.subscriptionId = :id and d.eventType = :test and d.createdAt > :since"
                        + " order by d.createdAt", Instant.class).setParameter("id", id).setParameter("test", TEST_EVENT)
                .setParameter("since", now.minus(MINUTE)).getResultList();
        if (lastMinute.size() >= config.testsPerMinute()) {
            Instant free = lastMinute.isEmpty() ? now.plus(MINUTE) : lastMinute.get(0).plus(MINUTE);
            throw ProblemException.tooManyRequests("At most " + config.testsPerMinute()
                    + " test events a minute for one subscription", Duration.between(now, free));
        }
        UUID eventId = UUID.randomUUID();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, eventId, URI.create("/homeward/notification-service"),
                TEST_EVENT, subscription.id().toString(), OffsetDateTime.now(ZoneOffset.UTC), "application/json",
                null, json.valueToTree(Map.of("subscriptionId", subscription.id().toString())));
        Delivery delivery = new Delivery(subscription.id(), eventId, event.type(),
                ThinPayload.of(event, config.links(), json), null, now);
        entityManager.persist(delivery);
        audit.record("subscription.test", "subscription", id.toString());
        return delivery;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Subscription get(UUID id) {
        return own(id);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Subscription> list(PageRequest page) {
        return entityManager.createQuery("select s from Subscription s where s.organisation = :organisation"
                        + " order by s.createdAt desc, s.id", Subscription.class)
                .setParameter("organisation", caller.organisation())
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Delivery> deliveries(UUID id, DeliveryStatus status, PageRequest page) {
        own(id);
        String filter = status == null ? "" : " and d.status = :status";
        var query = entityManager.createQuery("select d from Delivery d where d.subscriptionId = :id" + filter
                + " order by d.createdAt desc, d.id", Delivery.class).setParameter("id", id);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryAttempt> attempts(UUID subscriptionId, UUID deliveryId) {
        ownDelivery(subscriptionId, deliveryId);
        return entityManager.createQuery("select a from DeliveryAttempt a where a.deliveryId = :id order by a.id",
                DeliveryAttempt.class).setParameter("id", deliveryId).getResultList();
    }

    /** Refused (409) while an attempt is in flight: the retry would send the delivery twice at once. */
    public Delivery retry(UUID subscriptionId, UUID deliveryId) {
        Delivery delivery = ownDelivery(subscriptionId, deliveryId);
        delivery.retryNow(DatabaseClock.now(entityManager));
        try {
            // The change is conditional on the version read: a worker that claimed the delivery meanwhile wins.
            entityManager.flush();
        } catch (OptimisticLockException claimedMeanwhile) {
            throw new InvalidTransition("An attempt of this delivery has just started; retry once it has ended");
        }
        audit.record("delivery.retry", "delivery", deliveryId.toString());
        return delivery;
    }

    /** Queues again every delivery of this subscription that FAILED since the given time. */
    public int recover(UUID id, Instant since) {
        own(id);
        // FAILED deliveries hold no lease; the version still moves so that no stale copy of one is written back.
        int count = entityManager.createQuery("update Delivery d set d.status = :pending, d.nextAttemptAt = :now,"
                        + " d.lockedUntil = null, d.leaseToken = null, d.version = d.version + 1"
                        + " where d.subscriptionId = :id and d.status = :failed and d.createdAt >= :since")
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("failed", DeliveryStatus.FAILED)
                .setParameter("now", DatabaseClock.now(entityManager)).setParameter("id", id).setParameter("since", since)
                .executeUpdate();
        audit.record("subscription.recover", "subscription", id.toString());
        return count;
    }

    private Subscription own(UUID id) {
        Subscription subscription = entityManager.find(Subscription.class, id);
        if (subscription == null || !subscription.organisation().equals(caller.organisation())) {
            throw ProblemException.notFound("Subscription " + id);
        }
        return subscription;
    }

    private Delivery ownDelivery(UUID subscriptionId, UUID deliveryId) {
        own(subscriptionId);
        Delivery delivery = entityManager.find(Delivery.class, deliveryId);
        if (delivery == null || !delivery.subscriptionId().equals(subscriptionId)) {
            throw ProblemException.notFound("Delivery " + deliveryId);
        }
        return delivery;
    }

    /** The form, the port and a literal address are refused here, with the rule; names are checked at connect. */
    private void checkUrl(String url) {
        try {
            guard.checkAtSubscription(url);
        } catch (TargetRefused refused) {
            throw new RuleViolation("url", refused.getMessage());
        }
    }
}
