package org.homeward.agreement.application;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.agreement.Agreement;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    /**
     * The agreements a caller may see (its party is a party, or its organisation is named), newest
     * first, optionally only those naming {@code partyFilter}.
     */
    public List<Agreement> visibleTo(String callerParty, String callerOrganisation, String partyFilter,
                                     int page, int size) {
        String visible = "(exists (select 1 from a.parties p where p.code = :callerParty)"
                + " or exists (select 1 from a.organisations o where o.organisationId = :callerOrganisation))";
        String filter = partyFilter == null ? "" : " and exists (select 1 from a.parties f where f.code = :partyFilter)";
        var query = getEntityManager().createQuery(
                        "select a from Agreement a where " + visible + filter + " order by a.createdAt desc, a.id",
                        Agreement.class)
                .setParameter("callerParty", callerParty == null ? "" : callerParty)
                .setParameter("callerOrganisation", callerOrganisation);
        if (partyFilter != null) {
            query.setParameter("partyFilter", partyFilter);
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }
}
