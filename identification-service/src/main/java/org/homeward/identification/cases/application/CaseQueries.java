package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseHistoryEntry;
import org.homeward.identification.cases.Examination;
import org.homeward.identification.cases.ExaminationKind;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reading cases, each as much as the caller may see of it. A read that shows personal data (claims or an
 * established identity) is audited per case, in a list as in a single read.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class CaseQueries {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final AuditLog audit;

    public CaseQueries(EntityManager entityManager, CaseAccess access, AuditLog audit) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
    }

    /** A case with the kinds and dates of its examinations, the summary its receivers may see. */
    public record CaseDetails(RemainsCase remainsCase, Visibility visibility, List<EvidenceSummary> evidence) {
    }

    /** That an examination of a kind was made on a day, without its findings. */
    public record EvidenceSummary(ExaminationKind kind, LocalDate examinedOn) {
    }

    public CaseDetails get(UUID id) {
        CaseAccess.VisibleCase found = access.visible(id, LockModeType.NONE);
        RemainsCase remainsCase = found.remainsCase();
        List<EvidenceSummary> evidence = found.visibility().seesCaseWork()
                ? entityManager.createQuery("select e from Examination e where e.caseId = :id order by e.examinedOn, e.recorded.at",
                        Examination.class).setParameter("id", id).getResultList().stream()
                        .map(e -> new EvidenceSummary(e.kind(), e.examinedOn())).toList()
                : List.of();
        if (found.visibility().readsPersonalData(remainsCase)) {
            audit.record("case.read", "case", id.toString());
        }
        return new CaseDetails(remainsCase, found.visibility(), evidence);
    }

    public List<CaseAccess.VisibleCase> list(CaseFilter filter, PageRequest page) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<RemainsCase> query = access.scoped(entityManager.createQuery("select c from RemainsCase c where "
                + CaseAccess.VISIBLE_TO_CALLER + filter.conditions(parameters)
                + " order by c.receivedAt desc, c.tag, c.id", RemainsCase.class));
        parameters.forEach(query::setParameter);
        List<CaseAccess.VisibleCase> cases = query.setFirstResult(page.offset()).setMaxResults(page.fetchSize())
                .getResultList().stream()
                .map(c -> new CaseAccess.VisibleCase(c, access.visibility(c).orElseThrow())).toList();
        // The row fetched beyond the page only tells whether more follow; it is not shown, so not audited.
        cases.stream().limit(page.size()).filter(c -> c.visibility().readsPersonalData(c.remainsCase()))
                .forEach(c -> audit.record("case.list.read", "case", c.remainsCase().id().toString()));
        return cases;
    }

    public record History(Visibility visibility, List<CaseHistoryEntry> entries) {
    }

    public History history(UUID id) {
        CaseAccess.VisibleCase found = access.visible(id, LockModeType.NONE);
        if (found.visibility().seesCaseWork()) {
            audit.record("case.history.read", "case", id.toString()); // reasons and examiners' names
        }
        return new History(found.visibility(), entityManager.createQuery(
                "select h from CaseHistoryEntry h where h.caseId = :id order by h.id", CaseHistoryEntry.class)
                .setParameter("id", id).getResultList());
    }
}
