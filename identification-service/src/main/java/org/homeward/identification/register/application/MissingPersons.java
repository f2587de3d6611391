package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.homeward.identification.register.MissingPerson;
import org.homeward.platform.linkage.Particulars;
import org.homeward.identification.register.PersonReport;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.ReportedPerson;
import org.homeward.platform.linkage.Romanisation;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The register of the missing: reports one by one, and reading entries with the reports behind them. */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class MissingPersons {

    private final EntityManager entityManager;
    private final RegisterAccess access;
    private final RegisterLinkage linkage;
    private final AuditLog audit;

    public MissingPersons(EntityManager entityManager, RegisterAccess access, RegisterLinkage linkage, AuditLog audit) {
        this.entityManager = entityManager;
        this.access = access;
        this.linkage = linkage;
        this.audit = audit;
    }

    public RegisterLinkage.Linked report(ReportedPerson report) {
        access.requireCoordinatorOf(report.party());
        Particulars particulars = report.particulars();
        RegisterLinkage.Linked linked = linkage.link(report, linkage.blocksFor(report.party(), List.of(particulars)),
                null, access.organisation());
        audit.record("register.report", "missing_person", linked.personId().toString());
        return linked;
    }

    /** An entry with every report that contributed to it. */
    public record Entry(MissingPerson person, List<PersonReport> reports) {
    }

    public Entry get(UUID id) {
        MissingPerson person = access.readable(entityManager.find(MissingPerson.class, id), id);
        audit.record("register.read", "missing_person", id.toString());
        return new Entry(person, entityManager.createQuery("select r from PersonReport r where r.personId = :id"
                + " order by r.receivedAt, r.id", PersonReport.class).setParameter("id", id).getResultList());
    }

    /** @param name any name part in any script: compared by its folded Latin key, as linkage compares */
    public List<MissingPerson> list(String party, PersonStatus status, String name, String serviceNumber,
                                    PageRequest page) {
        Set<String> parties = access.readableParties();
        if (party != null && !parties.contains(party)) {
            return List.of();
        }
        StringBuilder where = new StringBuilder("p.party in :parties");
        if (status != null) {
            where.append(" and p.status = :status");
        }
        if (name != null) {
            where.append(" and (p.surnameKey = :key or p.givenNameKey = :key)");
        }
        if (serviceNumber != null) {
            where.append(" and p.serviceNumberKey = :number");
        }
        TypedQuery<MissingPerson> query = entityManager.createQuery("select p from MissingPerson p where " + where
                + " order by p.createdAt desc, p.id", MissingPerson.class)
                .setParameter("parties", party == null ? parties : Set.of(party));
        if (status != null) {
            query.setParameter("status", status);
        }
        if (name != null) {
            query.setParameter("key", Romanisation.key(name, null));
        }
        if (serviceNumber != null) {
            query.setParameter("number", Particulars.serviceNumberKey(serviceNumber));
        }
        List<MissingPerson> found = query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
        found.stream().limit(page.size()).forEach(p -> audit.record("register.list.read", "missing_person", p.id().toString()));
        return found;
    }
}
