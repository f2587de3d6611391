package org.homeward.agreement.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.agreement.Agreement;
import org.homeward.agreement.AgreementStatus;
import org.homeward.platform.paging.PageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /** Optional filters of the agreement list; null means "any". */
    public record Filter(String party, AgreementStatus status, LocalDate concludedFrom, LocalDate concludedTo) {
    }

    /**
     * The agreements a caller may see (its party is a party, or its organisation is named), newest
     * first, narrowed by the filter.
     */
    public List<Agreement> visibleTo(String callerParty, String callerOrganisation, Filter filter, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select a from Agreement a where"
                + " (exists (select 1 from a.parties p where p.code = :callerParty)"
                + " or exists (select 1 from a.organisations o where o.organisationId = :callerOrganisation))");
        if (filter.party() != null) {
            jpql.append(" and exists (select 1 from a.parties f where f.code = :party)");
        }
        if (filter.status() != null) {
            jpql.append(" and a.status = :status");
        }
        if (filter.concludedFrom() != null) {
            jpql.append(" and a.concludedOn >= :from");
        }
        if (filter.concludedTo() != null) {
            jpql.append(" and a.concludedOn <= :to");
        }
        jpql.append(" order by a.createdAt desc, a.id");
        var query = getEntityManager().createQuery(jpql.toString(), Agreement.class)
                .setParameter("callerParty", callerParty == null ? "" : callerParty)
                .setParameter("callerOrganisation", callerOrganisation);
        if (filter.party() != null) {
            query.setParameter("party", filter.party());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (filter.concludedFrom() != null) {
            query.setParameter("from", filter.concludedFrom());
        }
        if (filter.concludedTo() != null) {
            query.setParameter("to", filter.concludedTo());
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }

    /** Signed agreements: candidates for activation once their effective date comes. */
    public List<UUID> signed() {
        return getEntityManager().createQuery("select a.id from Agreement a where a.status = :signed", UUID.class)
                .setParameter("signed", AgreementStatus.SIGNED).getResultList();
    }
}
