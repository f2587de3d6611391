package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.dvi.AnteMortemRecord;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.application.RegisterAccess;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A missing person's ante-mortem record, written and read by the forensic examiners of the laboratories identifying
 * for his party, as his family's reference samples are (DESIGN.md 6: it follows the DNA column).
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class AnteMortemRecords {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final AuditLog audit;
    private final Clock clock;

    public AnteMortemRecords(EntityManager entityManager, RegisterAccess access, AuditLog audit, Clock clock) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public AnteMortemRecord record(UUID personId, AnteMortem changes) {
        MissingPerson person = laboratoryPerson(personId, LockModeType.PESSIMISTIC_WRITE);
        if (person.status() == PersonStatus.MERGED) {
            throw new InvalidTransition("This entry was merged into " + person.mergedInto()
                    + ": record the ante-mortem data there");
        }
        Actor actor = new Actor(access.subject(), access.organisation());
        AnteMortemRecord next = AnteMortemRecord.next(latest(personId).orElse(null), personId, person.party(), changes,
                actor, Instant.now(clock));
        entityManager.persist(next);
        audit.record("register.ante-mortem.record", "missing-person", personId.toString());
        return next;
    }

    public List<AnteMortemRecord> history(UUID personId) {
        laboratoryPerson(personId, LockModeType.NONE);
        audit.record("register.ante-mortem.read", "missing-person", personId.toString());
        return entityManager.createQuery("select r from AnteMortemRecord r where r.personId = :id order by r.version",
                AnteMortemRecord.class).setParameter("id", personId).getResultList();
    }

    Optional<AnteMortemRecord> latest(UUID personId) {
        return entityManager.createQuery("select r from AnteMortemRecord r where r.personId = :id order by r.version desc",
                AnteMortemRecord.class).setParameter("id", personId).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** Another party's entry does not exist for the caller (404); its own party's coordinators may not (403). */
    private MissingPerson laboratoryPerson(UUID personId, LockModeType lock) {
        MissingPerson person = access.readable(entityManager.find(MissingPerson.class, personId, lock), personId);
        access.requireLaboratoryOf(person.party());
        return person;
    }
}
