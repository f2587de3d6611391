package org.homeward.notification.delivery;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.notification.Delivery;
import org.homeward.notification.Subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Leases due deliveries to workers. A claim takes at most one due delivery per endpoint, and none from an
 * endpoint that already has one in flight, so a slow or hanging endpoint only ever holds one worker and
 * never delays the others. Claims are leases in the database (several replicas may run; a crashed replica's
 * claims expire), serialised by an advisory lock so two replicas never claim the same delivery or two
 * deliveries of one endpoint.
 *
 * <p>Fair under saturation: endpoints are taken in the order they have waited for a turn, counted from when
 * their next delivery fell due or, if later, from their last attempt, so that with more busy endpoints than
 * workers each gets its turn before any gets a second one.
 */
@ApplicationScoped
public class DeliveryClaims {

    private final EntityManager entityManager;
    private final WebhookConfig config;

    public DeliveryClaims(EntityManager entityManager, WebhookConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Claims up to {@code limit} due deliveries in a transaction of its own, waiting for the claim lock. */
    public List<Claim> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('homeward-webhook-claim'))")
                    .getSingleResult();
            return leaseDue(limit);
        });
    }

    /** Reads a claimed delivery and its endpoint in the caller's transaction. */
    LeasedDelivery load(Claim claim) {
        Delivery delivery = entityManager.find(Delivery.class, claim.deliveryId());
        return new LeasedDelivery(claim, delivery,
                delivery == null ? null : entityManager.find(Subscription.class, delivery.subscriptionId()));
    }

    /**
     * Claims the endpoint's next due delivery in the caller's transaction, which has just ended the attempt
     * that held the endpoint's one request in flight: the worker goes on with the same endpoint. No claim
     * lock is needed, as no other claim can take this endpoint meanwhile: until the caller commits, others
     * see its attempt still in flight; afterwards, they see the next one leased. The endpoint's rate limit
     * holds as for any claim. Fairness is the caller's: it goes on only while this replica has idle
     * workers, so no endpoint waits for a turn because of it.
     */
    Optional<Claim> claimNextOfEndpoint(UUID subscriptionId) {
        UUID token = UUID.randomUUID();
        List<UUID> leased = ids(entityManager.createNativeQuery("""
                        update delivery set locked_until = now() + make_interval(secs => :lease),
                                            lease_token = :token, version = version + 1
                        where id = (select d.id from delivery d
                                    where d.subscription_id = :subscription and d.status = 'PENDING'
                                      and d.next_attempt_at <= now()
                                      and (d.locked_until is null or d.locked_until < now())
                                    order by d.next_attempt_at limit 1)
                          and exists (select 1 from subscription s where s.id = :subscription and s.status = 'ACTIVE'
                                      and (s.last_attempt_at is null or s.last_attempt_at
                                           <= now() - make_interval(secs => 1.0 / s.rate_limit_per_second)))
                          and not exists (select 1 from delivery busy where busy.subscription_id = :subscription
                                          and busy.status = 'PENDING' and busy.locked_until >= now())
                        returning id""")
                .setParameter("lease", config.lease().toMillis() / 1000.0)
                .setParameter("token", token)
                .setParameter("subscription", subscriptionId)
                .getResultList());
        if (leased.isEmpty()) {
            return Optional.empty();
        }
        entityManager.createNativeQuery("update subscription set last_attempt_at = now() where id = :id")
                .setParameter("id", subscriptionId).executeUpdate();
        return Optional.of(new Claim(leased.get(0), token));
    }

    /**
     * The next due delivery of each endpoint with none in flight and whose rate limit allows another request,
     * leased under a fresh token; stamps the endpoint's last attempt. Runs under the claim lock.
     */
    @SuppressWarnings("unchecked")
    private List<Claim> leaseDue(int limit) {
        List<Object[]> due = entityManager.createNativeQuery("""
                        select next.id, s.id from subscription s
                        cross join lateral (
                            select d.id, d.next_attempt_at from delivery d
                            where d.subscription_id = s.id and d.status = 'PENDING' and d.next_attempt_at <= now()
                              and (d.locked_until is null or d.locked_until < now())
                            order by d.next_attempt_at limit 1) next
                        where s.status = 'ACTIVE'
                          and (s.last_attempt_at is null
                               or s.last_attempt_at <= now() - make_interval(secs => 1.0 / s.rate_limit_per_second))
                          and not exists (select 1 from delivery busy where busy.subscription_id = s.id
                                          and busy.status = 'PENDING' and busy.locked_until >= now())
                        order by greatest(next.next_attempt_at, s.last_attempt_at), next.next_attempt_at, s.id
                        limit :limit""")
                .setParameter("limit", limit)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> endpointOf = new LinkedHashMap<>();
        due.forEach(row -> endpointOf.put((UUID) row[0], (UUID) row[1]));
        UUID token = UUID.randomUUID();
        // Conditional on the row still being free: a retry or recovery may have changed it since the select.
        Set<UUID> leased = Set.copyOf(ids(entityManager.createNativeQuery("""
                        update delivery set locked_until = now() + make_interval(secs => :lease),
                                            lease_token = :token, version = version + 1
                        where id in (:ids) and status = 'PENDING' and (locked_until is null or locked_until < now())
                        returning id""")
                .setParameter("lease", config.lease().toMillis() / 1000.0)
                .setParameter("token", token)
                .setParameter("ids", endpointOf.keySet()).getResultList()));
        List<UUID> claimed = endpointOf.keySet().stream().filter(leased::contains).toList();
        if (!claimed.isEmpty()) {
            entityManager.createNativeQuery("update subscription set last_attempt_at = now() where id in (:ids)")
                    .setParameter("ids", claimed.stream().map(endpointOf::get).toList()).executeUpdate();
        }
        return claimed.stream().map(id -> new Claim(id, token)).toList();
    }

    /**
     * The ids a statement returned. Read untyped: a native query given a result class ({@code UUID.class}) got
     * a new plan-cache key on every execution in Hibernate 7.2 (keys that are never equal, with one hash),
     * and each lookup then compared itself against every key already cached; that took a quarter of the CPU
     * of delivering webhooks (Java Flight Recorder, webhook benchmark).
     */
    private static List<UUID> ids(List<?> rows) {
        return rows.stream().map(UUID.class::cast).toList();
    }
}
