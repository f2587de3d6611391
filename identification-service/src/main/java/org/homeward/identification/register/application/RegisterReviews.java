package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.LinkageReview;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.PersonStatusChanged;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The review queue of uncertain matches, for the forensic examiners of the party's laboratories: merge
 * the report's entry into the candidate, keep them apart, or undo a merge. A merge moves the entry's
 * reports to the candidate and remembers which; undoing it moves exactly those back.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class RegisterReviews {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<PersonStatusChanged> statusChanged;

    public RegisterReviews(EntityManager entityManager, RegisterAccess access, AuditLog audit,
                           Event<PersonStatusChanged> statusChanged, Clock clock) {
        this.entityManager = entityManager;
        this.statusChanged = statusChanged;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param status OPEN when not given: the queue proper */
    /** @param personId when given, only the reviews about that entry (as the report's entry or the candidate) */
    public List<LinkageReview> list(LinkageReview.Status status, UUID personId, PageRequest page) {
        Set<String> parties = access.readableParties();
        audit.record("register.reviews.read", "linkage_review", personId == null ? null : personId.toString());
        TypedQuery<LinkageReview> query = entityManager.createQuery("select r from LinkageReview r"
                        + " where r.party in :parties and r.status = :status"
                        + (personId == null ? "" : " and (r.entryId = :person or r.candidateId = :person)")
                        + " order by r.openedAt, r.id", LinkageReview.class)
                .setParameter("parties", parties)
                .setParameter("status", status == null ? LinkageReview.Status.OPEN : status);
        if (personId != null) {
            query.setParameter("person", personId);
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    public enum Decision { MERGE, SEPARATE }

    /**
     * @param candidateId the entry to merge into: required for an UNCOMPARED review (which names none; the
     *                    reviewer found it by searching), and if given for another review, its own candidate
     */
    public LinkageReview decide(UUID reviewId, Decision decision, UUID candidateId) {
        LinkageReview review = find(reviewId);
        access.requireLaboratoryOf(review.party());
        Instant now = Instant.now(clock);
        if (decision == Decision.SEPARATE) {
            review.separated(access.subject(), now);
        } else {
            if (candidateId != null) {
                review.mergeTarget(mergeTargetFor(review, candidateId));
            } else if (review.candidateId() == null) {
                throw new RuleViolation("candidateId", "This report was not compared (its blocking key holds too many"
                        + " entries): name the entry to merge it into, found by searching the register");
            }
            MissingPerson entry = entityManager.find(MissingPerson.class, review.entryId(), LockModeType.PESSIMISTIC_WRITE);
            MissingPerson candidate = entityManager.find(MissingPerson.class, review.candidateId(), LockModeType.PESSIMISTIC_WRITE);
            entry.mergeInto(candidate);
            statusChanged.fire(PersonStatusChanged.of(entry));
            List<UUID> moved = entityManager.createQuery("select r.id from PersonReport r where r.personId = :entry",
                    UUID.class).setParameter("entry", entry.id()).getResultList();
            entityManager.createQuery("update PersonReport r set r.personId = :candidate where r.id in :moved")
                    .setParameter("candidate", candidate.id()).setParameter("moved", moved).executeUpdate();
            review.merged(moved, access.subject(), now);
        }
        audit.record("register.review." + decision.name().toLowerCase(Locale.ROOT), "linkage_review",
                reviewId.toString());
        return review;
    }

    public LinkageReview undoMerge(UUID reviewId) {
        LinkageReview review = find(reviewId);
        access.requireLaboratoryOf(review.party());
        MissingPerson entry = entityManager.find(MissingPerson.class, review.entryId(), LockModeType.PESSIMISTIC_WRITE);
        MissingPerson candidate = entityManager.find(MissingPerson.class, review.candidateId(), LockModeType.PESSIMISTIC_WRITE);
        if (candidate.status() == PersonStatus.MERGED) {
            throw new InvalidTransition("The candidate was merged into another entry since: undo that merge first");
        }
        review.mergeUndone(access.subject(), Instant.now(clock));
        entry.unmerge();
        statusChanged.fire(PersonStatusChanged.of(entry));
        if (!review.movedReports().isEmpty()) {
            entityManager.createQuery("update PersonReport r set r.personId = :entry"
                            + " where r.id in :moved and r.personId = :candidate")
                    .setParameter("entry", entry.id()).setParameter("candidate", candidate.id())
                    .setParameter("moved", review.movedReports()).executeUpdate();
        }
        audit.record("register.review.undo-merge", "linkage_review", reviewId.toString());
        return review;
    }

    /** An entry of the review's party that stands (not merged), other than the review's own entry. */
    private UUID mergeTargetFor(LinkageReview review, UUID candidateId) {
        MissingPerson target = entityManager.find(MissingPerson.class, candidateId);
        if (target == null || !target.party().equals(review.party())) {
            throw new RuleViolation("candidateId", "No entry of party " + review.party() + " with this id");
        }
        if (target.id().equals(review.entryId()) || target.status() == PersonStatus.MERGED) {
            throw new RuleViolation("candidateId", "Name an entry that stands, other than the report's own");
        }
        return target.id();
    }

    private LinkageReview find(UUID reviewId) {
        LinkageReview review = entityManager.find(LinkageReview.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        if (review == null || !access.mayRead(review.party())) {
            throw ProblemException.notFound("Review " + reviewId);
        }
        return review;
    }
}
