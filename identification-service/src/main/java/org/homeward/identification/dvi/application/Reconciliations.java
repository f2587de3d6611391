package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.dvi.AnteMortemRecord;
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.dvi.comparison.DviComparison;
import org.homeward.identification.dvi.comparison.FingerprintComparison;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.platform.audit.AuditLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A case's post-mortem record reconciled with the ante-mortem records of its party's missing persons: every person
 * with a record (or named by a fingerprint comparison) is compared, ranked best first, and shown with his DNA
 * standing in the case where he has one, side by side and never combined. For the laboratory's examiners; each
 * person listed is audited as read.
 */
@ApplicationScoped
@Transactional
public class Reconciliations {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final PostMortemRecords postMortem;
    private final KinshipResults kinship;
    private final DviConfig config;
    private final AuditLog audit;

    public Reconciliations(EntityManager entityManager, CaseAccess access, PostMortemRecords postMortem,
                           KinshipResults kinship, DviConfig config, AuditLog audit) {
        this.entityManager = entityManager;
        this.access = access;
        this.postMortem = postMortem;
        this.kinship = kinship;
        this.config = config;
        this.audit = audit;
    }

    /** One missing person as the reconciliation ranks him. {@code dna}: null where DNA has not compared him. */
    public record Ranked(Comparison comparison, MissingPerson person, AnteMortemRecord anteMortem,
                         KinshipResults.DnaStanding dna) {
    }

    /**
     * {@code postMortem}: null when the case has none yet (then nothing is compared); {@code compared}, {@code excluded}:
     * over all persons, of whom the first {@code limit} are listed.
     */
    public record Reconciliation(RemainsCase remainsCase, PostMortemRecord postMortem, List<Ranked> listed,
                                 int compared, int excluded, int primary) {
    }

    public Reconciliation reconcile(UUID caseId, int limit) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.NONE);
        audit.record("case.reconciliation.read", "case", caseId.toString());
        PostMortemRecord pm = postMortem.latest(caseId).orElse(null);
        if (pm == null) {
            return new Reconciliation(remainsCase, null, List.of(), 0, 0, 0);
        }
        Map<UUID, AnteMortemRecord> records = latestRecords(remainsCase.toParty());
        Set<UUID> personIds = new HashSet<>(records.keySet());
        if (pm.findings().fingerprints() != null) {
            pm.findings().fingerprints().comparisons().stream().map(FingerprintComparison::missingPersonId).forEach(personIds::add);
        }
        DviComparison comparison = new DviComparison(config.dentalPointsToIdentify());
        Map<UUID, KinshipResults.DnaStanding> dna = kinship.standingByPerson(caseId);
        List<Ranked> ranked = new ArrayList<>();
        for (MissingPerson person : persons(personIds, remainsCase.toParty())) {
            AnteMortemRecord am = records.get(person.id());
            Comparison compared = comparison.compare(pm.findings(), am == null ? AnteMortem.EMPTY : am.findings(),
                    new DviComparison.Person(person.id(), person.sex(), person.birthDate(), person.serviceNumber()),
                    remainsCase.receivedOn());
            ranked.add(new Ranked(compared, person, am, dna.get(person.id())));
        }
        ranked.sort(Comparator.comparing(Ranked::comparison, Comparison.BEST_FIRST));
        List<Ranked> listed = List.copyOf(ranked.subList(0, Math.min(Math.min(limit, config.maxListed()), ranked.size())));
        listed.forEach(entry -> audit.record("register.ante-mortem.read", "missing-person", entry.person().id().toString()));
        int excluded = (int) ranked.stream().filter(r -> r.comparison().excluded()).count();
        int primary = (int) ranked.stream().filter(r -> r.comparison().strength() == Comparison.Strength.PRIMARY).count();
        return new Reconciliation(remainsCase, pm, listed, ranked.size(), excluded, primary);
    }

    /** The latest record of each person of the party. */
    private Map<UUID, AnteMortemRecord> latestRecords(String party) {
        Map<UUID, AnteMortemRecord> latest = new HashMap<>();
        entityManager.createQuery("select r from AnteMortemRecord r where r.party = :party and r.version ="
                        + " (select max(o.version) from AnteMortemRecord o where o.personId = r.personId)", AnteMortemRecord.class)
                .setParameter("party", party).getResultList().forEach(r -> latest.put(r.personId(), r));
        return latest;
    }

    /** The entries among {@code ids} still standing in the party's register (a merged one speaks through its survivor). */
    private List<MissingPerson> persons(Set<UUID> ids, String party) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("select p from MissingPerson p where p.id in :ids and p.party = :party"
                        + " and p.status <> :merged", MissingPerson.class)
                .setParameter("ids", ids).setParameter("party", party).setParameter("merged", PersonStatus.MERGED)
                .getResultList();
    }
}
