package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The list of the identified dead that a party's National Information Bureau forwards to the ICRC Central
 * Tracing Agency (Third Geneva Convention Art. 120, 122, 123): the remains its coordinators received and
 * the laboratory identified, confirmed within a period. Only the receiving party's coordinators see the
 * established identities (DESIGN.md 6), so only they draw the list; each draw is audited.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class IdentifiedDead {

    /** A list covers at most a year: a bureau's periodic report, not an export of the register. */
    static final int MAX_DAYS = 366;

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final AuditLog audit;

    public IdentifiedDead(EntityManager entityManager, CaseAccess access, AuditLog audit) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
    }

    /** @param from first day (UTC) of confirmations included; @param to last day, inclusive */
    public List<RemainsCase> confirmedBetween(LocalDate from, LocalDate to) {
        String party = access.party();
        if (party == null) {
            throw new ProblemException(ProblemType.FORBIDDEN, "The list is drawn by coordinators of a receiving party");
        }
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new RuleViolation("to", "The period must end on or after its start, at most " + MAX_DAYS + " days on");
        }
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // Identified, or returned to the family: not those found, after all, to be the other side's nationals.
        List<RemainsCase> cases = entityManager.createQuery("select c from RemainsCase c where c.toParty = :party"
                        + " and c.identifiedAt >= :start and c.identifiedAt < :end"
                        + " and (c.status = IDENTIFIED or c.returnedTo = FAMILY) order by c.identifiedAt, c.id",
                        RemainsCase.class)
                .setParameter("party", party).setParameter("start", start).setParameter("end", end)
                .getResultList();
        cases.forEach(c -> audit.record("identified-dead.list.read", "case", c.id().toString()));
        return cases;
    }
}
