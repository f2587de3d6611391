package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.identification.cases.CaseCounts;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.platform.persistence.TransactionLock;

import java.util.UUID;

/**
 * Publishes a case's change with its transfer's counts as they stand in this transaction. The changes of one
 * transfer's cases are counted one transaction at a time: under READ COMMITTED two closures of sibling cases
 * would each count without the other's, and the later event would carry counts that never held.
 */
@ApplicationScoped
public class CaseAnnouncements {

    private final CaseEvents events;
    private final CaseStatistics statistics;
    private final EntityManager entityManager;

    public CaseAnnouncements(CaseEvents events, CaseStatistics statistics, EntityManager entityManager) {
        this.events = events;
        this.statistics = statistics;
        this.entityManager = entityManager;
    }

    public void announce(String type, RemainsCase remainsCase) {
        events.publish(type, remainsCase, countsOf(remainsCase));
    }

    /** The revocation of a confirmed identification, naming the identification that no longer stands. */
    public void announceRevocation(RemainsCase remainsCase, UUID revokedIdentificationId) {
        events.publish(CaseEvents.IDENTIFICATION_REVOKED, remainsCase, countsOf(remainsCase), revokedIdentificationId);
    }

    /** Held to commit: the next transaction of this transfer counts after this one's change is visible. */
    private CaseCounts countsOf(RemainsCase remainsCase) {
        TransactionLock.hold(entityManager, "case-counts:" + remainsCase.transferId());
        return statistics.counts(CaseFilter.ofTransfer(remainsCase.transferId()));
    }
}
