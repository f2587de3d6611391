package org.homeward.transfer.readmodel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.homeward.platform.paging.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on projected agreements, always within what a caller may see. */
@ApplicationScoped
public class AgreementViews {

    private static final String VISIBLE = "exists (select 1 from v.scope s where (s.kind = 'PARTY' and s.value = :party)"
            + " or (s.kind = 'ORGANISATION' and s.value = :organisation))";

    private final EntityManager entityManager;

    public AgreementViews(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Optional<AgreementView> find(UUID id, String party, String organisation) {
        return entityManager.createQuery("select v from AgreementView v where v.agreementId = :id and " + VISIBLE,
                        AgreementView.class)
                .setParameter("id", id)
                .setParameter("party", party == null ? "" : party)
                .setParameter("organisation", organisation)
                .getResultList().stream().findFirst();
    }

    public List<AgreementView> list(String party, String organisation, String status, PageRequest page) {
        String filter = status == null ? "" : " and v.status = :status";
        var query = entityManager.createQuery("select v from AgreementView v where " + VISIBLE + filter
                        + " order by v.updatedAt desc, v.agreementId", AgreementView.class)
                .setParameter("party", party == null ? "" : party)
                .setParameter("organisation", organisation);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
    }
}
