package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.messaging.CaseEvents;

import java.util.UUID;

/** Publishes a case's change with its transfer's counts as they stand in this transaction. */
@ApplicationScoped
public class CaseAnnouncements {

    private final CaseEvents events;
    private final CaseStatistics statistics;

    public CaseAnnouncements(CaseEvents events, CaseStatistics statistics) {
        this.events = events;
        this.statistics = statistics;
    }

    public void announce(String type, RemainsCase remainsCase) {
        events.publish(type, remainsCase, statistics.counts(CaseFilter.ofTransfer(remainsCase.transferId())));
    }

    /** The revocation of a confirmed identification, naming the identification that no longer stands. */
    public void announceRevocation(RemainsCase remainsCase, UUID revokedIdentificationId) {
        events.publish(CaseEvents.IDENTIFICATION_REVOKED, remainsCase,
                statistics.counts(CaseFilter.ofTransfer(remainsCase.transferId())), revokedIdentificationId);
    }
}
