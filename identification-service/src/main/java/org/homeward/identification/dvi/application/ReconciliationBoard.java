package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.register.MissingPerson;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The identification board's table for one agreement and the caller's laboratory: every open case of it with a
 * reconciliation (a post-mortem record) or a DNA candidate, with the best of each side by method and strength, for
 * the board to decide. A list to work from, never a decision: proposals and confirmations stay per case.
 */
@ApplicationScoped
@Transactional
public class ReconciliationBoard {

    private static final Set<CaseStatus> OPEN = Set.of(CaseStatus.RECEIVED, CaseStatus.UNDER_EXAMINATION,
            CaseStatus.PROFILED, CaseStatus.CANDIDATE_FOUND);

    private final EntityManager entityManager;
    private final Reconciliations reconciliations;
    private final KinshipResults kinship;
    private final Caller caller;
    private final AuditLog audit;

    public ReconciliationBoard(EntityManager entityManager, Reconciliations reconciliations, KinshipResults kinship,
                               Caller caller, AuditLog audit) {
        this.entityManager = entityManager;
        this.reconciliations = reconciliations;
        this.kinship = kinship;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * {@code reconciled}: the best person of the reconciliation not excluded, null without one; {@code primaryCandidates}:
     * how many persons the reconciliation finds PRIMARY (more than one: the records do not tell them apart);
     * {@code dna}: the person of the case's best DNA candidate, with his standing, null without one.
     */
    public record Row(RemainsCase remainsCase, Reconciliations.Ranked reconciled, int primaryCandidates,
                      MissingPerson dnaPerson, KinshipResults.DnaStanding dna) {

        /** Whether the two methods name the same person; null unless both name one. */
        public Boolean samePerson() {
            return reconciled == null || dnaPerson == null ? null : reconciled.person().id().equals(dnaPerson.id());
        }
    }

    /** Rows of one page, in tag order, and whether more follow. */
    public List<Row> of(UUID agreementId, PageRequest page) {
        String laboratory = caller.organisation();
        List<RemainsCase> open = entityManager.createQuery("select c from RemainsCase c where c.agreementId = :agreement"
                        + " and c.assignedOrganisation = :laboratory and c.status in :open", RemainsCase.class)
                .setParameter("agreement", agreementId).setParameter("laboratory", laboratory).setParameter("open", OPEN)
                .getResultList();
        Map<UUID, PostMortemRecord> records = latestPostMortem(agreementId, laboratory);
        Set<UUID> withDna = kinship.withCandidates(agreementId, laboratory);
        List<RemainsCase> onTheBoard = open.stream()
                .filter(c -> records.containsKey(c.id()) || withDna.contains(c.id()))
                .sorted(Comparator.comparing(RemainsCase::tag).thenComparing(RemainsCase::id)).toList();
        List<RemainsCase> fetched = onTheBoard.subList(Math.min(page.offset(), onTheBoard.size()),
                Math.min(page.offset() + page.fetchSize(), onTheBoard.size()));
        audit.record("case.reconciliation-board.read", "agreement", agreementId.toString());
        Map<String, Reconciliations.Pool> pools = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (RemainsCase remainsCase : fetched) {
            PostMortemRecord pm = records.get(remainsCase.id());
            List<Reconciliations.Ranked> ranked = pm == null ? List.of() : reconciliations.rank(remainsCase, pm,
                    pools.computeIfAbsent(remainsCase.toParty(), reconciliations::pool));
            Reconciliations.Ranked best = ranked.stream()
                    .filter(r -> !r.comparison().excluded() && r.comparison().strength() != Comparison.Strength.NONE)
                    .findFirst().orElse(null);
            int primary = (int) ranked.stream().filter(r -> r.comparison().strength() == Comparison.Strength.PRIMARY).count();
            Map.Entry<UUID, KinshipResults.DnaStanding> dna = kinship.standingByPerson(remainsCase.id()).entrySet().stream()
                    .max(Comparator.comparingDouble(e -> e.getValue().log10Lr())).orElse(null);
            MissingPerson dnaPerson = dna == null ? null : entityManager.find(MissingPerson.class, dna.getKey());
            rows.add(new Row(remainsCase, best, primary, dnaPerson, dna == null ? null : dna.getValue()));
            audit.record("case.reconciliation.read", "case", remainsCase.id().toString());
            if (best != null) {
                audit.record("register.ante-mortem.read", "missing-person", best.person().id().toString());
            }
        }
        return rows;
    }

    /** The latest post-mortem record of each open case of the agreement and laboratory. */
    private Map<UUID, PostMortemRecord> latestPostMortem(UUID agreementId, String laboratory) {
        Map<UUID, PostMortemRecord> latest = new HashMap<>();
        entityManager.createQuery("select r from PostMortemRecord r, RemainsCase c where r.caseId = c.id"
                        + " and c.agreementId = :agreement and c.assignedOrganisation = :laboratory and c.status in :open"
                        + " and r.version = (select max(o.version) from PostMortemRecord o where o.caseId = r.caseId)",
                        PostMortemRecord.class)
                .setParameter("agreement", agreementId).setParameter("laboratory", laboratory).setParameter("open", OPEN)
                .getResultList().forEach(r -> latest.put(r.caseId(), r));
        return latest;
    }
}
