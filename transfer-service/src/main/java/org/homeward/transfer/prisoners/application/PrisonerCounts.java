package org.homeward.transfer.prisoners.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.persistence.TransactionLock;
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.prisoners.messaging.PrisonersHeldEvents;

import java.util.Set;

/**
 * The counts of the prisoners one party holds from another, told to the public topic whenever they move: by the
 * detaining party's own records (recorded, died) and by the handovers that release them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class PrisonerCounts {

    private final EntityManager entityManager;
    private final PrisonersHeldEvents events;

    public PrisonerCounts(EntityManager entityManager, PrisonersHeldEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Tells the public topic the counts of each pair of parties touched, under the pair's lock so that two
     * writers' events carry increasing sequences and counts that include each other's.
     */
    public void publish(String type, String detainingParty, Set<String> origins) {
        entityManager.flush();
        for (String origin : origins) {
            TransactionLock.hold(entityManager, "prisoners-held|" + detainingParty + "|" + origin);
            long sequence = ((Number) entityManager.createNativeQuery("insert into held_prisoner_counts"
                            + " (detaining_party, party_of_origin, sequence) values (?1, ?2, 1) on conflict"
                            + " (detaining_party, party_of_origin) do update set sequence = held_prisoner_counts.sequence + 1"
                            + " returning sequence")
                    .setParameter(1, detainingParty).setParameter(2, origin).getSingleResult()).longValue();
            long[] byStatus = new long[PrisonerStatus.values().length];
            for (Object[] row : entityManager.createQuery("select p.status, count(p) from HeldPrisoner p"
                            + " where p.detainingParty = :party and p.partyOfOrigin = :origin group by p.status",
                            Object[].class)
                    .setParameter("party", detainingParty).setParameter("origin", origin).getResultList()) {
                byStatus[((PrisonerStatus) row[0]).ordinal()] = (Long) row[1];
            }
            events.publish(type, new PrisonersHeldEvents.Counts(detainingParty, origin, sequence,
                    byStatus[PrisonerStatus.HELD.ordinal()], byStatus[PrisonerStatus.RELEASED.ordinal()],
                    byStatus[PrisonerStatus.DIED.ordinal()],
                    // The detaining party's own: the party of origin reads no counts of them through the API, so
                    // its webhooks are not told them either (DESIGN.md 6); it follows the exchange lists instead.
                    new AccessScope(Set.of(detainingParty), Set.of())));
        }
    }

}
