package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseCounts;
import org.homeward.platform.persistence.RerunsLostRaces;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts of cases by status, for any agreement, transfer and period: no names and no case ids, so every
 * role may read them, observers included (DESIGN.md 6). The same counts travel on public events.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
@RerunsLostRaces
public class CaseStatistics {

    private static final String COUNTS = "select count(c),"
            + " sum(case when c.status = RECEIVED then 1 else 0 end),"
            + " sum(case when c.status in (UNDER_EXAMINATION, PROFILED, CANDIDATE_FOUND) then 1 else 0 end),"
            + " sum(case when c.status = IDENTIFIED then 1 else 0 end),"
            + " sum(case when c.status = NOT_A_NATIONAL then 1 else 0 end),"
            + " sum(case when c.status = UNIDENTIFIABLE then 1 else 0 end),"
            + " sum(case when c.status = WITHDRAWN then 1 else 0 end),"
            + " sum(case when c.status = RETURNED then 1 else 0 end)"
            + " from RemainsCase c where 1 = 1";

    private final EntityManager entityManager;

    public CaseStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts and the breakdown of received bodies by the nationality the sender claimed. */
    public record Statistics(CaseCounts counts, Map<String, Long> receivedByClaimedNationality) {
    }

    public Statistics of(CaseFilter filter) {
        Map<String, Long> byNationality = new LinkedHashMap<>();
        Map<String, Object> parameters = new HashMap<>();
        String conditions = filter.conditions(parameters);
        TypedQuery<Object[]> query = entityManager.createQuery("select c.claims.nationality, count(c)"
                + " from RemainsCase c where c.status <> WITHDRAWN" + conditions
                + " group by c.claims.nationality order by count(c) desc, c.claims.nationality", Object[].class);
        parameters.forEach(query::setParameter);
        query.getResultList().forEach(row -> byNationality.put(row[0] == null ? "UNSTATED" : (String) row[0],
                (Long) row[1]));
        return new Statistics(counts(filter), byNationality);
    }

    public CaseCounts counts(CaseFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Object[]> query = entityManager.createQuery(COUNTS + filter.conditions(parameters), Object[].class);
        parameters.forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        long all = number(row[0]);
        long withdrawn = number(row[6]);
        return new CaseCounts(all - withdrawn, number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                number(row[5]), withdrawn, number(row[7]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
