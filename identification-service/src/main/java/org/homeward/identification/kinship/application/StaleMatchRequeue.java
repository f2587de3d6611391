package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.homeward.identification.cases.CaseReopened;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.register.PersonStatusChanged;
import org.homeward.identification.register.FamilyStatementChanged;

import java.time.Clock;
import java.time.Instant;
import java.util.TreeSet;

/**
 * Matching again what a change elsewhere made stale, in the transaction of that change: a person no longer
 * missing is never an undisputed candidate (and one missing again may be), brothers stated in the register
 * are weighed against each other's references, and a case whose identification was revoked is ranked again.
 */
@ApplicationScoped
public class StaleMatchRequeue {

    private final KinshipWork work;
    private final Clock clock;

    public StaleMatchRequeue(KinshipWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    void personStatusChanged(@Observes PersonStatusChanged change) {
        work.enqueue(KinshipWork.Kind.PERSON, change.personId(), change.party(), Instant.now(clock));
    }

    /** Brothers or a parent and child stated: each one's references changed; every replica's index is stale. */
    void familyStatementChanged(@Observes FamilyStatementChanged change) {
        Instant now = Instant.now(clock);
        // In id order, as every caller queues (two statements queueing overlapping sets cannot deadlock).
        new TreeSet<>(change.persons()).forEach(person -> work.enqueue(KinshipWork.Kind.PERSON, person, change.party(), now));
        work.bumpGeneration(change.party(), DnaProfile.SubjectKind.DONOR.name());
    }

    void caseReopened(@Observes CaseReopened reopened) {
        work.enqueue(KinshipWork.Kind.CASE, reopened.caseId(), reopened.party(), Instant.now(clock));
    }
}
