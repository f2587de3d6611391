package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseHistoryEntry;
import org.homeward.identification.cases.ClosureKind;
import org.homeward.identification.cases.FamilyNotification;
import org.homeward.identification.cases.NotificationMeans;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.ReturnedTo;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.shared.Actor;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a case ends and who works on it: the laboratory closes it as not a national or unidentifiable; the
 * receiving party's coordinators reassign it, record that a family was told, and record the handover.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class CaseOutcomes {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final IdentificationConfig config;
    private final Identifications identifications;
    private final CaseClosures closures;
    private final CommingledRemains commingled;
    private final CaseAnnouncements announcements;
    private final AuditLog audit;
    private final Clock clock;

    public CaseOutcomes(EntityManager entityManager, CaseAccess access, IdentificationConfig config,
                        Identifications identifications, CaseClosures closures, CommingledRemains commingled,
                        CaseAnnouncements announcements,
                        AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.config = config;
        this.identifications = identifications;
        this.closures = closures;
        this.commingled = commingled;
        this.announcements = announcements;
        this.audit = audit;
        this.clock = clock;
    }

    public RemainsCase reassign(UUID caseId, String laboratory, String reason) {
        RemainsCase remainsCase = access.forReceivingCoordinator(caseId, LockModeType.PESSIMISTIC_WRITE);
        if (!config.identifiesFor(remainsCase.toParty(), laboratory)) {
            throw new RuleViolation("organisation", laboratory + " is not an identifying laboratory of "
                    + remainsCase.toParty() + " (homeward.identification.laboratories)");
        }
        if (identifications.pendingProposals(caseId) || closures.pending(caseId) || commingled.pending(caseId)) {
            // Only the proposing laboratory may decide a proposal: it would be stuck with another one.
            throw new InvalidTransition("An identification, closure, revocation, split or join proposal awaits its"
                    + " decision by the assigned laboratory: decide it first");
        }
        entityManager.persist(remainsCase.reassign(laboratory, reason, access.actor(), Instant.now(clock)));
        audit.record("case.reassign", "case", caseId.toString());
        return remainsCase;
    }

    public enum Closure { NOT_A_NATIONAL, UNIDENTIFIABLE }

    public RemainsCase close(UUID caseId, Closure closure, String reason) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        boolean pending = identifications.pendingProposals(caseId);
        Actor actor = access.actor();
        if (closures.needsSecondExaminer(remainsCase, ClosureKind.valueOf(closure.name()), actor.organisation())) {
            throw new InvalidTransition("Closing this case as " + closure + " is decided by two examiners: propose it"
                    + " with POST /api/v1/cases/" + caseId + "/closure-proposals");
        }
        Instant now = Instant.now(clock);
        CaseHistoryEntry entry = closure == Closure.NOT_A_NATIONAL
                ? remainsCase.notANational(reason, pending, actor, now)
                : remainsCase.unidentifiable(reason, pending, actor, now);
        entityManager.persist(entry);
        announcements.announce(closure == Closure.NOT_A_NATIONAL ? CaseEvents.NOT_A_NATIONAL : CaseEvents.UNIDENTIFIABLE,
                remainsCase);
        audit.record("case.close", "case", caseId.toString());
        return remainsCase;
    }

    public record RecordReturn(ReturnedTo returnedTo, String recipient, String place, Instant returnedAt) {
    }

    public RemainsCase returned(UUID caseId, RecordReturn command) {
        RemainsCase remainsCase = access.forReceivingCoordinator(caseId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = Instant.now(clock);
        entityManager.persist(remainsCase.returned(command.returnedTo(), command.recipient(), command.place(),
                command.returnedAt() == null ? now : command.returnedAt(), access.actor(), now));
        announcements.announce(CaseEvents.RETURNED, remainsCase);
        audit.record("case.return", "case", caseId.toString());
        return remainsCase;
    }

    /** {@code ofRevocation}: the family is told that the identification they had been given was revoked. */
    public record RecordFamilyTold(String toldBy, Instant toldAt, NotificationMeans means, boolean ofRevocation) {
    }

    /** The receiving party's coordinators and the laboratory record and read that a family was told. */
    public FamilyNotification familyTold(UUID caseId, RecordFamilyTold command) {
        RemainsCase remainsCase = familyReader(caseId, LockModeType.PESSIMISTIC_WRITE);
        FamilyNotification told = new FamilyNotification(remainsCase, command.toldBy(), command.toldAt(),
                command.means(), command.ofRevocation(), access.actor(), Instant.now(clock));
        entityManager.persist(told);
        if (command.ofRevocation()) {
            remainsCase.familyToldOfRevocation();
        }
        audit.record("case.family-notification.record", "case", caseId.toString());
        return told;
    }

    public List<FamilyNotification> familyNotifications(UUID caseId) {
        familyReader(caseId, LockModeType.NONE);
        audit.record("case.family-notifications.read", "case", caseId.toString());
        return entityManager.createQuery("select f from FamilyNotification f where f.caseId = :id order by f.toldAt",
                FamilyNotification.class).setParameter("id", caseId).getResultList();
    }

    private RemainsCase familyReader(UUID caseId, LockModeType lock) {
        CaseAccess.VisibleCase found = access.visible(caseId, lock);
        if (!found.visibility().seesCaseWork()) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the receiving party's coordinators and the assigned laboratory may do this");
        }
        return found.remainsCase();
    }
}
