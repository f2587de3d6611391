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

    private static final String COUNTS = "select sum(case when c.individual = 1 and c.status <> WITHDRAWN then 1 else 0 end),"
            + " sum(case when c.status not in (WITHDRAWN, JOINED) then 1 else 0 end),"
            + " sum(case when c.status = RECEIVED then 1 else 0 end),"
            + " sum(case when c.status in (UNDER_EXAMINATION, PROFILED, CANDIDATE_FOUND) then 1 else 0 end),"
            + " sum(case when c.status = IDENTIFIED then 1 else 0 end),"
            + " sum(case when c.status = NOT_A_NATIONAL then 1 else 0 end),"
            + " sum(case when c.status = UNIDENTIFIABLE then 1 else 0 end),"
            + " sum(case when c.status = WITHDRAWN then 1 else 0 end),"
            + " sum(case when c.status = RETURNED then 1 else 0 end),"
            + " sum(case when c.status = JOINED then 1 else 0 end)"
            + " from RemainsCase c where 1 = 1";

    private final EntityManager entityManager;

    public CaseStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts and the breakdown of received items by the nationality the sender claimed (once per item). */
    public record Statistics(CaseCounts counts, Map<String, Long> receivedByClaimedNationality) {
    }

    public Statistics of(CaseFilter filter) {
        Map<String, Long> byNationality = new LinkedHashMap<>();
        Map<String, Object> parameters = new HashMap<>();
        String conditions = filter.conditions(parameters);
        TypedQuery<Object[]> query = entityManager.createQuery("select c.claims.nationality, count(c)"
                + " from RemainsCase c where c.status <> WITHDRAWN and c.individual = 1" + conditions
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
        long[] counts = new long[row.length];
        for (int i = 0; i < row.length; i++) {
            counts[i] = number(row[i]);
        }
        return new CaseCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7],
                counts[8], counts[9]);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
