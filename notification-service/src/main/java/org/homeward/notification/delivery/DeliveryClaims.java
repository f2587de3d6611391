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
 * claims expire), serialised by an advisory lock so two claims never take the same delivery or two
 * deliveries of one endpoint: the dispatcher's claims hold it exclusively, a worker's claim of its
 * endpoint's next delivery holds it shared.
 *
 * <p>Fair under saturation, between organisations first, then between endpoints: an organisation's endpoints
 * are ranked by how long they have waited for a turn (from when their next delivery fell due or, if later,
 * from their last attempt), and a free worker goes to the lowest rank plus requests the organisation already
 * has in flight, so that one organisation with 200 slow endpoints holds no more workers than another with
 * one endpoint needs; within an organisation, each endpoint gets its turn before any gets a second.
 */
@ApplicationScoped
public class DeliveryClaims {

    private static final String CLAIM_LOCK = "hashtext('homeward-webhook-claim')";
    /** A delivery {@code d} that may be sent now: pending, due, and not leased (or its lease ran out). */
    private static final String SENDABLE = "d.status = 'PENDING' and d.next_attempt_at <= now()"
            + " and (d.locked_until is null or d.locked_until < now())";
    /** The endpoint {@code s} may be sent to: active, and its rate limit has room for another request. */
    private static final String ENDPOINT_OPEN = "s.status = 'ACTIVE' and (s.last_attempt_at is null"
            + " or s.last_attempt_at <= now() - make_interval(secs => 1.0 / s.rate_limit_per_second))";
    /** The endpoint {@code s} has no request in flight. */
    private static final String ENDPOINT_IDLE = "not exists (select 1 from delivery busy where busy.subscription_id = s.id"
            + " and busy.status = 'PENDING' and busy.locked_until >= now())";

    private final EntityManager entityManager;
    private final WebhookConfig config;

    public DeliveryClaims(EntityManager entityManager, WebhookConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * Claims up to {@code limit} due deliveries in a transaction of its own, waiting for the claim lock. It
     * looks first, without the lock, whether any endpoint is waiting for a worker: most rounds find none
     * (every busy endpoint has its request in flight, and its worker hands it on), and the lock taken for
     * nothing would make those hand-overs fail.
     */
    public List<Claim> claim(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!anyEndpointWaiting()) {
                return List.of();
            }
            entityManager.createNativeQuery("select pg_advisory_xact_lock(" + CLAIM_LOCK + ")").getSingleResult();
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
     * Claims the endpoint's next due delivery in the caller's transaction, which has just recorded the
     * attempt that held the endpoint's one request in flight: the worker goes on with the same endpoint.
     * Under the claim lock held shared, and only if that is free at once: the caller holds row locks that a
     * dispatcher's claim may wait for, so it must never wait itself; while a claim is under way, the
     * dispatcher hands out the next delivery instead. With the lock, a dispatcher's claim runs wholly before
     * the caller's (and had it taken over the recorded attempt's expired lease, the caller found the lease
     * lost or its versioned write conflicted) or wholly after the caller's commit (and sees the next delivery
     * leased); one that holds the lock or waits for it makes this claim give way. The endpoint must be active and
     * its rate limit must have room, as for any claim. Fairness is the caller's: it goes on only while this
     * replica has idle workers, so no endpoint waits for a turn because of it.
     */
    Optional<Claim> claimNextOfEndpoint(UUID subscriptionId) {
        Object locked = entityManager.createNativeQuery("select pg_try_advisory_xact_lock_shared(" + CLAIM_LOCK + ")")
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return Optional.empty();
        }
        UUID token = UUID.randomUUID();
        List<UUID> leased = ids(entityManager.createNativeQuery("""
                        update delivery d set locked_until = now() + make_interval(secs => :lease),
                                              lease_token = :token, version = version + 1
                        where d.id = (select d.id from delivery d where d.subscription_id = :subscription and %s
                                      order by d.next_attempt_at limit 1)
                          and %s
                          and exists (select 1 from subscription s where s.id = :subscription and %s and %s)
                        returning d.id""".formatted(SENDABLE, SENDABLE, ENDPOINT_OPEN, ENDPOINT_IDLE))
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
     * Gives up a lease that was never used (the worker stopped before sending), so that the delivery goes
     * out at the next claim rather than when the lease runs out.
     */
    void release(Claim claim) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update delivery set locked_until = null, lease_token = null, version = version + 1"
                                + " where id = :id and lease_token = :token and status = 'PENDING'")
                .setParameter("id", claim.deliveryId())
                .setParameter("token", claim.leaseToken())
                .executeUpdate());
    }

    private boolean anyEndpointWaiting() {
        return !entityManager.createNativeQuery("""
                        select 1 from subscription s
                        where %s and %s
                          and exists (select 1 from delivery d where d.subscription_id = s.id and %s)
                        limit 1""".formatted(ENDPOINT_OPEN, ENDPOINT_IDLE, SENDABLE))
                .getResultList().isEmpty();
    }

    /**
     * The next due delivery of each endpoint with none in flight and whose rate limit allows another request,
     * leased under a fresh token; stamps the endpoint's last attempt. Runs under the claim lock.
     */
    @SuppressWarnings("unchecked")
    private List<Claim> leaseDue(int limit) {
        List<Object[]> due = entityManager.createNativeQuery("""
                        with waiting as (
                            select next.id as delivery_id, s.id as subscription_id, s.organisation,
                                   greatest(next.next_attempt_at, s.last_attempt_at) as waited_from, next.next_attempt_at
                            from subscription s
                            cross join lateral (
                                select d.id, d.next_attempt_at from delivery d
                                where d.subscription_id = s.id and %s
                                order by d.next_attempt_at limit 1) next
                            where %s and %s),
                        in_flight as (
                            select s.organisation, count(*) as busy from delivery d
                            join subscription s on s.id = d.subscription_id
                            where d.status = 'PENDING' and d.locked_until >= now()
                            group by s.organisation)
                        select w.delivery_id, w.subscription_id from waiting w
                        left join in_flight f on f.organisation = w.organisation
                        order by coalesce(f.busy, 0) + row_number() over (partition by w.organisation
                                     order by w.waited_from, w.next_attempt_at, w.subscription_id),
                                 w.waited_from, w.next_attempt_at, w.subscription_id
                        limit :limit""".formatted(SENDABLE, ENDPOINT_OPEN, ENDPOINT_IDLE))
                .setParameter("limit", limit)
                .getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        Map<UUID, UUID> endpointOf = new LinkedHashMap<>();
        due.forEach(row -> endpointOf.put((UUID) row[0], (UUID) row[1]));
        UUID token = UUID.randomUUID();
        // Conditional on the row still being sendable: a retry or recovery may have changed it since the select.
        Set<UUID> leased = Set.copyOf(ids(entityManager.createNativeQuery("""
                        update delivery d set locked_until = now() + make_interval(secs => :lease),
                                              lease_token = :token, version = version + 1
                        where d.id in (:ids) and %s
                        returning d.id""".formatted(SENDABLE))
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
