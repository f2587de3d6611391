package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.ComminglingProposal;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.shared.Actor;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.identification.shared.ItemLock;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Commingled remains (DESIGN.md 7), four-eyes both ways: one examiner proposes to split a case's remains into
 * several individuals, or to join another case's remains to it as a fragment of the same person (from a DNA
 * re-association or his own examination); a second of the same laboratory confirms. A split opens a case per
 * further individual for the same item, with the item's claims; a join closes the fragment's case as JOINED.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class CommingledRemains {

    /** Most individuals told apart in one bag; more is a mass grave's inventory, not a split. */
    public static final int MAX_INDIVIDUALS = 50;

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final IdentificationConfig config;
    private final Identifications identifications;
    private final CaseClosures closures;
    private final CaseAnnouncements announcements;
    private final KinshipResults kinship;
    private final ItemLock itemLock;
    private final AuditLog audit;
    private final Clock clock;

    public CommingledRemains(EntityManager entityManager, CaseAccess access, IdentificationConfig config,
                             Identifications identifications, CaseClosures closures, CaseAnnouncements announcements,
                             KinshipResults kinship, ItemLock itemLock, AuditLog audit, Clock clock) {
        this.itemLock = itemLock;
        this.entityManager = entityManager;
        this.access = access;
        this.config = config;
        this.identifications = identifications;
        this.closures = closures;
        this.announcements = announcements;
        this.kinship = kinship;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code individuals}: how many persons the case's remains hold, the case's own included (2 to 50). */
    public ComminglingProposal proposeSplit(UUID caseId, int individuals, String reason) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE);
        ensureSplittable(remainsCase);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        return proposed(remainsCase, null, ComminglingProposal.split(caseId, individuals, reason, actor, now), actor, now);
    }

    /**
     * {@code fragmentCaseId}: the case whose remains are a fragment of this case's person; {@code reassociationId},
     * optional: the DNA re-association of the two the join rests on (quoted).
     */
    public ComminglingProposal proposeJoin(UUID caseId, UUID fragmentCaseId, UUID reassociationId, String reason) {
        RemainsCase[] both = lockedInOrder(caseId, fragmentCaseId);
        RemainsCase survivor = both[0];
        RemainsCase fragment = both[1];
        fragment.ensureJoinable(survivor);
        ensureNothingPendingOn(fragment);
        String reassociation = reassociationId == null ? null
                : kinship.quoteReassociation(caseId, fragmentCaseId, reassociationId);
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        return proposed(survivor, fragment, ComminglingProposal.join(caseId, fragmentCaseId, reassociation, reason, actor,
                now), actor, now);
    }

    public enum Decision { CONFIRM, REJECT }

    public ComminglingProposal decide(UUID caseId, UUID proposalId, Decision decision, String reason) {
        access.forLaboratory(caseId, LockModeType.NONE);
        ComminglingProposal proposal = entityManager.find(ComminglingProposal.class, proposalId,
                LockModeType.PESSIMISTIC_WRITE);
        if (proposal == null || !proposal.caseId().equals(caseId)) {
            throw ProblemException.notFound("Split or join proposal " + proposalId + " of case " + caseId);
        }
        Actor actor = access.actor();
        Instant now = Instant.now(clock);
        if (decision == Decision.CONFIRM) {
            RemainsCase[] cases = proposal.kind() == ComminglingProposal.Kind.JOIN
                    ? lockedInOrder(caseId, proposal.fragmentCaseId())
                    : new RemainsCase[] {access.forLaboratory(caseId, LockModeType.PESSIMISTIC_WRITE)};
            proposal.confirm(actor, reason, now);
            apply(proposal, cases, actor, now);
        } else {
            proposal.reject(actor, reason, now);
        }
        audit.record("case.commingling.decide", "case", caseId.toString());
        return proposal;
    }

    /** The splits of this case and the joins into it or of it, oldest first. */
    public List<ComminglingProposal> proposals(UUID caseId) {
        access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.commingling-proposals.read", "case", caseId.toString());
        return entityManager.createQuery("select p from ComminglingProposal p where p.caseId = :id"
                        + " or p.fragmentCaseId = :id order by p.decision.proposedAt", ComminglingProposal.class)
                .setParameter("id", caseId).getResultList();
    }

    private ComminglingProposal proposed(RemainsCase remainsCase, RemainsCase fragment, ComminglingProposal proposal,
                                         Actor actor, Instant now) {
        if (pending(remainsCase.id())) {
            throw new InvalidTransition("A split or join of this case awaits its decision: decide it first");
        }
        entityManager.persist(proposal);
        audit.record("case.commingling.propose", "case", remainsCase.id().toString());
        if (!config.requiresSecondExaminer(actor.organisation())) {
            proposal.confirmAsSingleExaminer(now);
            apply(proposal, fragment == null ? new RemainsCase[] {remainsCase} : new RemainsCase[] {remainsCase, fragment},
                    actor, now);
        }
        return proposal;
    }

    /** Checked when proposed and again when confirmed: the cases may have moved on meanwhile. */
    private void apply(ComminglingProposal proposal, RemainsCase[] cases, Actor actor, Instant now) {
        RemainsCase remainsCase = cases[0];
        if (proposal.kind() == ComminglingProposal.Kind.SPLIT) {
            ensureSplittable(remainsCase);
            // Cases of one item are numbered in turn: two splits of its individuals at once would take one number.
            itemLock.lock(remainsCase.itemId());
            int next = entityManager.createQuery("select max(c.individual) from RemainsCase c where c.itemId = :item",
                    Integer.class).setParameter("item", remainsCase.itemId()).getSingleResult() + 1;
            entityManager.persist(remainsCase.splitEntry(proposal.individuals(), proposal.reason(), actor, now));
            for (int individual = next; individual < next + proposal.individuals() - 1; individual++) {
                RemainsCase split = remainsCase.splitOff(individual, now);
                entityManager.persist(split);
                entityManager.persist(split.splitOffEntry(proposal.reason(), actor));
                announcements.announce(CaseEvents.OPENED, split);
            }
            return;
        }
        RemainsCase fragment = cases[1];
        ensureNothingPendingOn(fragment);
        entityManager.persist(fragment.joinInto(remainsCase, proposal.reason(), actor, now));
        entityManager.persist(remainsCase.joinedEntry(fragment, proposal.reason(), actor, now));
        announcements.announce(CaseEvents.JOINED, fragment);
    }

    private void ensureSplittable(RemainsCase remainsCase) {
        if (!remainsCase.status().isOpen()) {
            throw new InvalidTransition("Only remains still being examined can be split; the case is "
                    + remainsCase.status());
        }
    }

    /** A fragment about to close must not leave a decision hanging on it. */
    private void ensureNothingPendingOn(RemainsCase fragment) {
        if (identifications.pendingProposals(fragment.id()) || closures.pending(fragment.id()) || pending(fragment.id())) {
            throw new InvalidTransition("Case " + fragment.id() + " has a proposal awaiting its decision: decide it first");
        }
    }

    /** Both cases of the caller's laboratory, locked in id order so that two joins of the same pair cannot deadlock. */
    private RemainsCase[] lockedInOrder(UUID survivorId, UUID fragmentId) {
        boolean survivorFirst = survivorId.compareTo(fragmentId) <= 0;
        RemainsCase first = access.forLaboratory(survivorFirst ? survivorId : fragmentId, LockModeType.PESSIMISTIC_WRITE);
        RemainsCase second = access.forLaboratory(survivorFirst ? fragmentId : survivorId, LockModeType.PESSIMISTIC_WRITE);
        return survivorFirst ? new RemainsCase[] {first, second} : new RemainsCase[] {second, first};
    }

    /** Whether a split or join of the case (or joining it as a fragment) awaits its decision. */
    boolean pending(UUID caseId) {
        return !entityManager.createQuery("select p.id from ComminglingProposal p where (p.caseId = :case"
                        + " or p.fragmentCaseId = :case) and p.decision.status = PROPOSED", UUID.class)
                .setParameter("case", caseId).setMaxResults(1).getResultList().isEmpty();
    }
}
