package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.MissingPerson;
import org.homeward.platform.linkage.BestMatch;
import org.homeward.platform.linkage.Particulars;
import org.homeward.identification.register.PersonStatusChanged;
import org.homeward.identification.register.PrisonerCheck;
import org.homeward.identification.register.messaging.PrisonerCheckEvents;
import org.homeward.identification.shared.ItemLock;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Identity checks of released prisoners and civilians: each arrival record is compared with the receiving
 * party's register by service number, by name across scripts and by date of birth. Whatever the outcome,
 * only a coordinator of the receiving party marks the register entry RELEASED (MATCHED or not).
 */
@ApplicationScoped
@RerunsLostRaces
public class PrisonerChecks {

    private final EntityManager entityManager;
    private final ItemLock itemLock;
    private final RegisterLinkage linkage;
    private final PrisonerCheckEvents events;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<PersonStatusChanged> statusChanged;

    public PrisonerChecks(EntityManager entityManager, ItemLock itemLock, RegisterLinkage linkage, PrisonerCheckEvents events,
                          RegisterAccess access, AuditLog audit, Event<PersonStatusChanged> statusChanged, Clock clock) {
        this.entityManager = entityManager;
        this.statusChanged = statusChanged;
        this.itemLock = itemLock;
        this.linkage = linkage;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applies an item record of a person who arrived, in the consumer's transaction; latest wins per item. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void arrived(PrisonerCheck.ArrivedPerson person) {
        itemLock.lock(person.itemId());
        if (find(person.itemId()) != null) {
            return; // checked already (a duplicate), or withdrawn before this older record came
        }
        Particulars particulars = person.particulars();
        BestMatch<CandidateBlocks.Candidate> best = linkage.bestMatch(particulars,
                linkage.blocksFor(person.toParty(), List.of(particulars)));
        PrisonerCheck check = new PrisonerCheck(person, best == null ? null : best.result(),
                best == null ? null : best.candidate().personId(), Instant.now(clock));
        entityManager.persist(check);
        announce(check);
    }

    /**
     * The transfer's reconciliation found the person never arrived: a release it caused is undone. A
     * withdrawal that overtakes its arrival leaves a withdrawn check, so the late arrival releases nobody.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawn(PrisonerCheck.ArrivedPerson person) {
        itemLock.lock(person.itemId());
        PrisonerCheck check = find(person.itemId());
        if (check == null) {
            PrisonerCheck tombstone = new PrisonerCheck(person, null, null, Instant.now(clock));
            tombstone.withdraw(person.itemSequence());
            entityManager.persist(tombstone);
            return;
        }
        if (!check.isOlderThan(person.itemSequence())) {
            return;
        }
        if (check.withdraw(person.itemSequence())) {
            MissingPerson entry = entityManager.find(MissingPerson.class, check.personId(), LockModeType.PESSIMISTIC_WRITE);
            entry.releaseWithdrawn();
            statusChanged.fire(PersonStatusChanged.of(entry));
        }
        announce(check);
    }

    private void announce(PrisonerCheck check) {
        if (check.isSettled()) {
            events.completed(check);
        }
    }

    @Transactional
    public List<PrisonerCheck> list(UUID transferId, PrisonerCheck.Status status, PageRequest page) {
        TypedQuery<PrisonerCheck> query = entityManager.createQuery("select c from PrisonerCheck c"
                        + " where c.toParty in :parties" + (transferId == null ? "" : " and c.transferId = :transfer")
                        + (status == null ? "" : " and c.status = :status") + " order by c.checkedAt desc, c.id",
                        PrisonerCheck.class)
                .setParameter("parties", access.readableParties());
        if (transferId != null) {
            query.setParameter("transfer", transferId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        List<PrisonerCheck> checks = query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
        checks.stream().limit(page.size())
                .forEach(c -> audit.record("prisoner-check.list.read", "prisoner_check", c.id().toString()));
        return checks;
    }

    @Transactional
    public PrisonerCheck get(UUID id) {
        PrisonerCheck check = entityManager.find(PrisonerCheck.class, id);
        if (check == null || !access.readableParties().contains(check.toParty())) {
            throw ProblemException.notFound("Prisoner check " + id);
        }
        audit.record("prisoner-check.read", "prisoner_check", id.toString());
        return check;
    }

    /** A coordinator of the receiving party decides an uncertain check; the same person is then released. */
    @Transactional
    public PrisonerCheck decide(UUID id, boolean samePerson) {
        PrisonerCheck check = entityManager.find(PrisonerCheck.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (check == null || !access.readableParties().contains(check.toParty())) {
            throw ProblemException.notFound("Prisoner check " + id);
        }
        access.requireCoordinatorOf(check.toParty());
        check.decide(samePerson, access.subject(), Instant.now(clock));
        if (samePerson) {
            MissingPerson entry = entityManager.find(MissingPerson.class, check.personId(), LockModeType.PESSIMISTIC_WRITE);
            entry.released();
            statusChanged.fire(PersonStatusChanged.of(entry));
        }
        announce(check);
        audit.record("prisoner-check.decide", "prisoner_check", id.toString());
        return check;
    }

    private PrisonerCheck find(UUID itemId) {
        return entityManager.createQuery("select c from PrisonerCheck c where c.itemId = :item", PrisonerCheck.class)
                .setParameter("item", itemId).getResultList().stream().findFirst().orElse(null);
    }
}
