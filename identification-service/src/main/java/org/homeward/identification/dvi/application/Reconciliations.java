package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.EstablishedIdentity;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.dvi.AnteMortemRecord;
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.ReconciliationResults;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.dvi.comparison.DviComparison;
import org.homeward.identification.dvi.comparison.FingerprintComparison;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
public class Reconciliations implements ReconciliationResults {

    private final EntityManager entityManager;
    private final CaseAccess access;
    private final PostMortemRecords postMortem;
    private final AnteMortemRecords anteMortem;
    private final KinshipResults kinship;
    private final DviConfig config;
    private final AuditLog audit;

    public Reconciliations(EntityManager entityManager, CaseAccess access, PostMortemRecords postMortem,
                           AnteMortemRecords anteMortem, KinshipResults kinship, DviConfig config, AuditLog audit) {
        this.anteMortem = anteMortem;
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
        List<Ranked> ranked = rank(remainsCase, pm, pool(remainsCase.toParty()));
        List<Ranked> listed = List.copyOf(ranked.subList(0, Math.min(Math.min(limit, config.maxListed()), ranked.size())));
        listed.forEach(entry -> audit.record("register.ante-mortem.read", "missing-person", entry.person().id().toString()));
        int excluded = (int) ranked.stream().filter(r -> r.comparison().excluded()).count();
        int primary = (int) ranked.stream().filter(r -> r.comparison().strength() == Comparison.Strength.PRIMARY).count();
        return new Reconciliation(remainsCase, pm, listed, ranked.size(), excluded, primary);
    }

    @Override
    public String quoteForProposal(UUID caseId, UUID personId, IdentificationMethod method, boolean dnaOfThePerson,
                                   EstablishedIdentity established) {
        RemainsCase remainsCase = access.forLaboratory(caseId, LockModeType.NONE);
        MissingPerson person = entityManager.find(MissingPerson.class, personId);
        if (person == null || !person.party().equals(remainsCase.toParty()) || person.status() == PersonStatus.MERGED) {
            throw new RuleViolation("missingPersonId", "No missing person " + personId + " standing in the register of "
                    + remainsCase.toParty());
        }
        theSamePerson(established, person);
        PostMortemRecord pm = postMortem.latest(caseId).orElseThrow(() -> new RuleViolation("method",
                "An identification by " + method + " rests on the reconciliation: record the case's post-mortem record first"));
        AnteMortemRecord am = recordOf(person).orElse(null);
        Comparison comparison = compare(pm, am, person, remainsCase);
        audit.record("register.ante-mortem.read", "missing-person", personId.toString());
        if (comparison.excluded()) {
            throw new RuleViolation("missingPersonId", "The reconciliation excludes this person: "
                    + comparison.exclusions().get(0).by() + " (" + comparison.exclusions().size() + " exclusion(s))");
        }
        boolean carries = switch (method) {
            case ODONTOLOGY -> comparison.primary().contains(Comparison.Identifier.ODONTOLOGY);
            case FINGERPRINTS -> comparison.primary().contains(Comparison.Identifier.FINGERPRINTS);
            case COMBINED -> !comparison.primary().isEmpty() || (dnaOfThePerson && !comparison.concordances().isEmpty());
            default -> false;
        };
        if (!carries) {
            throw new RuleViolation("method", "The reconciliation with this person does not carry an identification by "
                    + method + ": its primary identifiers are " + comparison.primary() + " (" + comparison.dentalPoints()
                    + " dental point(s), " + config.dentalPointsToIdentify() + " needed)");
        }
        return comparison.summary() + "\n(post-mortem record version " + pm.version() + ", ante-mortem record version "
                + (am == null ? "none" : am.version()) + ")";
    }

    /** The identity a proposal establishes must not contradict the register entry whose reconciliation it rests on. */
    private static void theSamePerson(EstablishedIdentity established, MissingPerson person) {
        if (established == null) {
            return;
        }
        String stated = Particulars.serviceNumberKey(established.serviceNumber());
        String registered = Particulars.serviceNumberKey(person.serviceNumber());
        if (stated != null && registered != null && !stated.equals(registered)) {
            throw new RuleViolation("establishedIdentity.serviceNumber", "The established service number is not the"
                    + " register entry's of the person the reconciliation rests on");
        }
        LocalDate born = established.dateOfBirth();
        if (born != null && new BirthDate(born.getYear(), born.getMonthValue(), born.getDayOfMonth())
                .compare(person.birthDate()) == BirthDate.Agreement.CONFLICT) {
            throw new RuleViolation("establishedIdentity.dateOfBirth", "The established date of birth contradicts the"
                    + " register entry's of the person the reconciliation rests on");
        }
    }

    /** The party's missing persons with an ante-mortem record (merged entries aside), loaded once for many cases. */
    record Pool(String party, Map<UUID, AnteMortemRecord> records, Map<UUID, MissingPerson> persons) {
    }

    Pool pool(String party) {
        Map<UUID, AnteMortemRecord> records = new HashMap<>();
        Map<UUID, MissingPerson> persons = new HashMap<>();
        Map<MissingPerson, AnteMortemRecord> ofMerged = new HashMap<>();
        // One query, however large the register: no list of ids bound as parameters.
        entityManager.createQuery("select r, p from AnteMortemRecord r, MissingPerson p where p.id = r.personId"
                        + " and r.party = :party and r.version ="
                        + " (select max(o.version) from AnteMortemRecord o where o.personId = r.personId)", Object[].class)
                .setParameter("party", party).getResultList().forEach(row -> {
                    AnteMortemRecord record = (AnteMortemRecord) row[0];
                    MissingPerson person = (MissingPerson) row[1];
                    if (person.status() == PersonStatus.MERGED) {
                        ofMerged.put(person, record);
                    } else {
                        records.put(person.id(), record);
                        persons.put(person.id(), person);
                    }
                });
        // A merged entry's record speaks for the entry it was merged into, when that one has none of its own.
        ofMerged.forEach((merged, record) -> survivorOf(merged).filter(survivor -> !records.containsKey(survivor.id()))
                .ifPresent(survivor -> {
                    records.put(survivor.id(), record);
                    persons.put(survivor.id(), survivor);
                }));
        return new Pool(party, records, persons);
    }

    /** The ante-mortem record of the person, or of an entry merged into him when he has none of his own. */
    private Optional<AnteMortemRecord> recordOf(MissingPerson person) {
        Optional<AnteMortemRecord> own = anteMortem.latest(person.id());
        if (own.isPresent()) {
            return own;
        }
        return entityManager.createQuery("select r from AnteMortemRecord r, MissingPerson p where p.id = r.personId"
                        + " and p.mergedInto = :survivor order by r.recorded.at desc", AnteMortemRecord.class)
                .setParameter("survivor", person.id()).setMaxResults(1).getResultList().stream().findFirst();
    }

    /** The entry a merged one now lives in (merges may chain), if it still stands. */
    private Optional<MissingPerson> survivorOf(MissingPerson merged) {
        MissingPerson current = merged;
        for (int hops = 0; hops < 10 && current != null && current.status() == PersonStatus.MERGED; hops++) {
            current = current.mergedInto() == null ? null : entityManager.find(MissingPerson.class, current.mergedInto());
        }
        return current == null || current.status() == PersonStatus.MERGED ? Optional.empty() : Optional.of(current);
    }

    /**
     * Every person of the pool, and those the case's fingerprint comparisons name, compared with the case's
     * post-mortem record, best first, each with his DNA standing in the case.
     */
    List<Ranked> rank(RemainsCase remainsCase, PostMortemRecord pm, Pool pool) {
        Map<UUID, MissingPerson> persons = new HashMap<>(pool.persons());
        if (pm.findings().fingerprints() != null) {
            Set<UUID> named = new HashSet<>();
            pm.findings().fingerprints().comparisons().stream().map(FingerprintComparison::missingPersonId)
                    .filter(id -> !persons.containsKey(id)).forEach(named::add);
            persons(named, pool.party()).forEach(person -> persons.put(person.id(), person));
        }
        Map<UUID, KinshipResults.DnaStanding> dna = kinship.standingByPerson(remainsCase.id());
        List<Ranked> ranked = new ArrayList<>();
        for (MissingPerson person : persons.values()) {
            AnteMortemRecord am = pool.records().get(person.id());
            ranked.add(new Ranked(compare(pm, am, person, remainsCase), person, am, dna.get(person.id())));
        }
        ranked.sort(Comparator.comparing(Ranked::comparison, Comparison.BEST_FIRST));
        return ranked;
    }

    private Comparison compare(PostMortemRecord pm, AnteMortemRecord am, MissingPerson person, RemainsCase remainsCase) {
        return new DviComparison(config.dentalPointsToIdentify()).compare(pm.findings(),
                am == null ? AnteMortem.EMPTY : am.findings(),
                new DviComparison.Person(person.id(), person.sex(), person.birthDate(), person.serviceNumber()),
                remainsCase.receivedOn());
    }

    /** The entries among {@code ids} still standing in the party's register (merged ones are named by their survivor). */
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
