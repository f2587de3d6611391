package org.homeward.identification.kinship.application;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.ProposalStatus;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.kinship.CandidateBasis;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.KinshipCandidate;
import org.homeward.identification.kinship.LineagePart;
import org.homeward.identification.kinship.ReassociationCandidate;
import org.homeward.identification.kinship.SexComparison;
import org.homeward.identification.kinship.engine.DnaSex;
import org.homeward.identification.kinship.engine.FamilyGroups;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.KinshipSearch;
import org.homeward.identification.kinship.engine.LikelihoodRatio;
import org.homeward.identification.kinship.engine.ReferenceCheck;
import org.homeward.identification.kinship.engine.ReferenceFit;
import org.homeward.identification.kinship.engine.ReferenceIndex;
import org.homeward.identification.kinship.engine.Relation;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.kinship.engine.UndisputedRule;
import org.homeward.identification.kinship.LineageProfile;
import org.homeward.identification.kinship.lineage.MaternalLine;
import org.homeward.identification.kinship.lineage.PaternalLine;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.Sex;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.messaging.inbox.FailureKind;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The background matching. Each job is claimed with SKIP LOCKED (replicas share the queue, never a job),
 * and its results are stored and the job deleted in one transaction: a restart loses nothing, a job done
 * is never done twice. A CASE job searches the remains against every family of the party and against the
 * party's other remains (re-association); a PERSON job searches every post-mortem profile of the party
 * against that family's references as they now stand.
 */
@ApplicationScoped
public class KinshipMatcher {

    private static final Logger LOG = Logger.getLogger(KinshipMatcher.class);
    /** The autosomal ratio of a family typed on lineage markers only: no autosomal evidence either way. */
    private static final LikelihoodRatio LINEAGE_ONLY = new LikelihoodRatio(1, Map.of(), "lineage only");
    private static final String EVIDENCE_CHANGED = "The DNA candidate this proposal rested on was computed again"
            + " since (new references, a retyped profile, a new rival or a changed register entry): propose again on"
            + " the current numbers";
    private static final String NO_LONGER_FOUND = "The DNA candidate this proposal rested on is no longer found"
            + " (the remains or the family's references changed)";
    static final int MAX_ATTEMPTS = 5;
    private static final List<CaseStatus> OPEN = List.of(CaseStatus.RECEIVED, CaseStatus.UNDER_EXAMINATION,
            CaseStatus.PROFILED, CaseStatus.CANDIDATE_FOUND);

    private final EntityManager entityManager;
    private final KinshipReferences references;
    private final KinshipEngine engine;
    private final KinshipCandidates candidates;
    private final KinshipWork work;
    private final LineageProfiles lineageProfiles;
    private final LineageEngine lineage;
    private final IdentificationPolicies policies;
    private final Clock clock;

    public KinshipMatcher(EntityManager entityManager, KinshipReferences references, KinshipEngine engine,
                          KinshipCandidates candidates, KinshipWork work, LineageProfiles lineageProfiles,
                          LineageEngine lineage, IdentificationPolicies policies, Clock clock) {
        this.policies = policies;
        this.lineageProfiles = lineageProfiles;
        this.lineage = lineage;
        this.candidates = candidates;
        this.work = work;
        this.entityManager = entityManager;
        this.references = references;
        this.engine = engine;
        this.clock = clock;
    }

    record Job(UUID id, KinshipWork.Kind kind, UUID subject, String party) {
    }

    @Scheduled(every = "${homeward.kinship.match-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void matchWaiting() {
        Set<UUID> failed = new HashSet<>();
        while (true) {
            AtomicReference<UUID> claimed = new AtomicReference<>();
            Optional<Job> done;
            try {
                done = QuarkusTransaction.requiringNew().timeout(jobTimeoutSeconds())
                        .call(() -> claimAndRun(failed, claimed));
            } catch (RuntimeException | StackOverflowError e) {
                UUID job = claimed.get();
                if (job == null) {
                    throw e; // no job was claimed (the database is away): the next round tries again
                }
                // Whether the work threw, or the flush or the commit did (a transaction timeout): recorded once
                // the job's transaction has rolled back and released its row, and the round goes on with the
                // next job. A deadlock victim or a lost connection is transient: not one of the attempts.
                failed.add(job);
                boolean transientFailure = lostARace(e);
                LOG.errorf("Kinship job %s failed (%s, %s): %s", job, transientFailure ? "transient" : "counted",
                        FailureKind.sqlState(e), e.getClass().getSimpleName());
                QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                                "update kinship_job set attempts = attempts + ?3, last_error = ?2 where id = ?1")
                        .setParameter(1, job).setParameter(2, failureName(e)).setParameter(3, transientFailure ? 0 : 1)
                        .executeUpdate());
                continue;
            }
            if (done.isEmpty()) {
                return;
            }
        }
    }

    /**
     * A deadlock victim, a serialization failure or a lost connection (SQLState classes 40 and 08): the next
     * round may pass. Anything else, a fault every job would meet included, is counted, so that a job that
     * cannot pass reaches the operators' list after five rounds instead of being retried for ever.
     */
    private static boolean lostARace(Throwable failure) {
        String sqlState = FailureKind.sqlState(failure);
        return sqlState != null && (sqlState.startsWith("40") || sqlState.startsWith("08"));
    }

    /** The kind of a failure, never its message (which may quote data). */
    private static String failureName(Throwable failure) {
        String sqlState = FailureKind.sqlState(failure);
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (sqlState == null ? "" : " (SQLState " + sqlState + ")");
    }

    private int jobTimeoutSeconds() {
        return (int) Math.max(1, engine.config().jobTimeout().toSeconds());
    }

    /**
     * Claims the oldest job nobody holds, runs it and deletes it, in the caller's transaction; the claimed job's
     * id is set in {@code claimed} first, so that a failure anywhere after, the commit included, is its own.
     */
    Optional<Job> claimAndRun(Set<UUID> failedThisRound, AtomicReference<UUID> claimed) {
        Optional<Job> job = claim(failedThisRound);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        claimed.set(job.get().id());
        run(job.get());
        entityManager.createNativeQuery("delete from kinship_job where id = ?1").setParameter(1, job.get().id())
                .executeUpdate();
        entityManager.flush();
        return job;
    }

    /** One job at a time (LIMIT 1): every other waiting job stays claimable by the other replicas. */
    private Optional<Job> claim(Set<UUID> skip) {
        String notFailed = skip.isEmpty() ? "" : " and not (id in (:failed))";
        var query = entityManager.createNativeQuery("select id, kind, subject_id, party from kinship_job"
                        + " where attempts < :attempts" + notFailed + " order by enqueued_at limit 1 for update skip locked")
                .setParameter("attempts", MAX_ATTEMPTS);
        if (!skip.isEmpty()) {
            query.setParameter("failed", skip);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] cells = (Object[]) rows.get(0);
        return Optional.of(new Job((UUID) cells[0], KinshipWork.Kind.valueOf((String) cells[1]), (UUID) cells[2],
                (String) cells[3]));
    }

    void run(Job job) {
        // The jobs of one party are applied one after another: ranks and the undisputed rule read the
        // candidates other jobs write, and must see them committed. Parties proceed in parallel.
        work.lockParty(job.party());
        Instant now = Instant.now(clock);
        if (job.kind() == KinshipWork.Kind.CASE) {
            matchRemains(job.subject(), job.party(), now);
        } else {
            matchFamily(job.subject(), job.party(), now);
        }
    }

    private void matchRemains(UUID caseId, String party, Instant now) {
        RemainsCase remainsCase = entityManager.find(RemainsCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (remainsCase == null || !remainsCase.status().isOpen()) {
            // Candidates of a settled case stay as they were: an identification may rest on them.
            return;
        }
        KinshipReferences.Remains remains = references.remains(party);
        StrProfile query = remains.profiles().get(caseId);
        Map<UUID, KinshipCandidate> previous = new HashMap<>();
        candidatesOfCase(caseId).forEach(c -> previous.put(c.personId(), c));
        Set<UUID> changedEvidence = new HashSet<>();
        Set<UUID> persons = new HashSet<>(previous.keySet());
        entityManager.createQuery("delete from ReassociationCandidate r where r.caseId = :case or r.otherCaseId = :case")
                .setParameter("case", caseId).executeUpdate();
        Set<UUID> found = new HashSet<>();
        if (query != null) {
            KinshipReferences.Families families = references.families(party);
            double prior = prior(party);
            Map<LineageProfile.Method, LineageProfiles.OnFile> typings = lineageProfiles.remainsTypings(caseId);
            for (KinshipSearch.Candidate candidate : KinshipSearch.search(families.index(), query,
                    engine.config().reportingThreshold(), prior)) {
                UUID person = UUID.fromString(candidate.family());
                persons.add(person);
                // One candidate per case and person: the strongest entry of the family (the search ranks them).
                if (found.add(person)) {
                    store(caseId, person, party, candidate.referenceId(), families.donorsOf().get(candidate.referenceId()),
                            candidate.lr(), lineageParts(typings, person), prior, checks(query, references.donorsOf(person)),
                            previous.remove(person), changedEvidence, now);
                }
            }
            // A family under the threshold on autosomal STRs that its lineage markers raise above it (a paternal uncle
            // and a matching Y), or typed on lineage markers only: found too, so that no rival the rule does not see
            // is stronger than the threshold.
            for (UUID person : typings.isEmpty() ? Set.<UUID>of()
                    : lineageProfiles.personsWithLineReferences(party, references)) {
                List<FamilyReferences.Donor> donors = references.donorsOf(person);
                if (!found.contains(person) && stillMissing(person)
                        && storeUnderThreshold(caseId, person, party, query, typings, lines(person), donors,
                        references.family(person, donors), prior, previous.get(person), changedEvidence, now)) {
                    previous.remove(person);
                    found.add(person);
                    persons.add(person);
                }
            }
            ReferenceIndex identities = remains.asIdentityReferences();
            double reassociation = engine.config().reassociationThreshold();
            for (ReferenceIndex.Match match : identities.search(query, identities.screeningThreshold(query, reassociation))) {
                UUID other = UUID.fromString(match.id());
                LikelihoodRatio lr = other.equals(caseId) ? null : identities.explain(match, query);
                if (lr != null && lr.total() >= reassociation) {
                    entityManager.persist(new ReassociationCandidate(caseId, other, party, lr.total(), lr.lociCompared(), now));
                }
            }
        }
        candidates.retire(previous.values(), NO_LONGER_FOUND, Actor.KINSHIP_MATCHING, now);
        rerank(Set.of(caseId), persons, changedEvidence, now);
    }

    private void matchFamily(UUID person, String party, Instant now) {
        // Candidates of settled cases stay as they were (an identification may rest on them).
        Map<UUID, KinshipCandidate> previous = new HashMap<>();
        Set<UUID> changedEvidence = new HashSet<>();
        entityManager.createQuery("select c from KinshipCandidate c, RemainsCase r where c.personId = :person"
                        + " and r.id = c.caseId and r.status in :open", KinshipCandidate.class)
                .setParameter("person", person).setParameter("open", OPEN).getResultList()
                .forEach(c -> previous.put(c.caseId(), c));
        Set<UUID> cases = new HashSet<>(previous.keySet());
        List<FamilyReferences.Donor> donors = references.donorsOf(person);
        KinshipReferences.Families family = references.family(person, donors);
        Lines lines = lines(person);
        boolean onALine = lines.any();
        if (family.index().size() > 0 || onALine) {
            KinshipReferences.Remains remains = references.remains(party);
            Set<UUID> open = new HashSet<>(entityManager.createQuery("select c.id from RemainsCase c where c.toParty = :party"
                            + " and c.status in :open", UUID.class)
                    .setParameter("party", party).setParameter("open", OPEN).getResultList());
            double prior = prior(party);
            // Remains typed on lineage markers are weighed below the autosomal threshold too, where the family is on
            // a line: their parts may raise it above (a paternal uncle and a matching Y).
            Set<UUID> lineageTyped = onALine ? lineageProfiles.casesWithLineage(party) : Set.of();
            for (Map.Entry<UUID, StrProfile> pm : remains.profiles().entrySet()) {
                UUID caseId = pm.getKey();
                if (!open.contains(caseId)) {
                    continue;
                }
                if (lineageTyped.contains(caseId)) {
                    if (storeUnderThreshold(caseId, person, party, pm.getValue(), lineageProfiles.remainsTypings(caseId),
                            lines, donors, family, prior, previous.get(caseId), changedEvidence, now)) {
                        previous.remove(caseId);
                        cases.add(caseId);
                    }
                    continue;
                }
                // The strongest of the family's entries (its relatives, its personal effects) stands for it.
                KinshipSearch.search(family.index(), pm.getValue(), engine.config().reportingThreshold(), prior).stream()
                        .findFirst().ifPresent(best -> {
                            store(caseId, person, party, best.referenceId(), family.donorsOf().get(best.referenceId()),
                                    best.lr(), List.of(), prior, checks(pm.getValue(), donors), previous.remove(caseId),
                                    changedEvidence, now);
                            cases.add(caseId);
                        });
            }
        }
        candidates.retire(previous.values(), NO_LONGER_FOUND, Actor.KINSHIP_MATCHING, now);
        // His brothers' candidates are weighed against him even where he stays under the threshold.
        Set<UUID> weighed = new HashSet<>(references.relatedTo(person, party));
        weighed.add(person);
        rerank(cases, weighed, changedEvidence, now);
    }

    /**
     * The person weighed against remains typed on lineage markers, whatever his autosomal ratio: his family's strongest
     * entry (an autosomal ratio of 1 where it has none, a family typed on lineage markers only) times his lineage
     * parts. Stored when the autosomal ratio or the product reaches the reporting threshold; answers whether it was.
     */
    private boolean storeUnderThreshold(UUID caseId, UUID person, String party, StrProfile query,
                                        Map<LineageProfile.Method, LineageProfiles.OnFile> typings, Lines lines,
                                        List<FamilyReferences.Donor> donors, KinshipReferences.Families family,
                                        double prior, KinshipCandidate previous, Set<UUID> changedEvidence, Instant now) {
        List<LineagePart> parts = lineageParts(typings, lines);
        // No STR comparison (none typed, or no locus shared with the remains): weighed on its lineage parts alone.
        Optional<KinshipSearch.Candidate> best = KinshipSearch.search(family.index(), query, 0, prior).stream().findFirst();
        if (best.isEmpty() && parts.isEmpty()) {
            return false;
        }
        double threshold = engine.config().reportingThreshold();
        LikelihoodRatio autosomal = best.map(KinshipSearch.Candidate::lr).orElse(LINEAGE_ONLY);
        if (autosomal.total() < threshold && KinshipCandidate.combined(autosomal.total(), parts) < threshold) {
            return false;
        }
        store(caseId, person, party, best.map(KinshipSearch.Candidate::referenceId).orElse(null),
                best.map(b -> family.donorsOf().get(b.referenceId())).orElse(List.of()), autosomal, parts, prior,
                checks(query, donors), previous, changedEvidence, now);
        return true;
    }

    /** A new candidate, or the same case and person recomputed in place (its id kept for proposals on it). */
    private void store(UUID caseId, UUID person, String party, String entry, List<UUID> donors, LikelihoodRatio lr,
                       List<LineagePart> lineage, double prior, List<ReferenceCheck> checks, KinshipCandidate previous, Set<UUID> changedEvidence,
                       Instant now) {
        String reference = entry == null ? "LINEAGE_ONLY" : entry.contains(":effects:") ? "PERSONAL_EFFECTS"
                : lr.method().equals("pedigree") && donors.size() > 1 ? "PEDIGREE" : "RELATIVE";
        CandidateBasis basis = engine.basis(prior, lr.lociCompared());
        List<UUID> restingOn = new ArrayList<>(donors);
        // A lineage reference's consent withdrawn erases the candidate, as any donor's does.
        lineage.stream().map(LineagePart::donorId).filter(d -> !restingOn.contains(d)).forEach(restingOn::add);
        if (previous != null) {
            // Another path to the same numbers may differ in the last bits; what matters is a different answer.
            double combined = KinshipCandidate.combined(lr.total(), lineage);
            if (Math.abs(previous.lr() - combined) > 1e-9 * Math.abs(previous.lr())
                    || !previous.donorIds().equals(restingOn) || !previous.lineage().equals(lineage)) {
                // A proposal quoted the old numbers: it must not be confirmed on them (rerank rejects it).
                changedEvidence.add(previous.id());
            }
            previous.recomputed(reference, donors, restingOn, lr.total(), lineage, lr.perLocus(), lr.method(), prior,
                    basis, checks, engine::seal, now);
        } else {
            entityManager.persist(new KinshipCandidate(caseId, person, party, reference, donors, restingOn, lr.total(),
                    lineage, lr.perLocus(), lr.method(), prior, basis, checks, engine::seal, now));
        }
    }

    /**
     * The remains' lineage typings ({@code typings}, opened once per case) against every consented reference of the
     * person's lines (his own donors, and those his stated family lends him where their place on the line is the same
     * for him), one comparison each, made whatever database is loaded; per method the closest weighed one is in the
     * ratio (fewest meioses, then most compared, then by donor id). Y-STR never for a woman of the register (a Y
     * chromosome is no woman's: the sex clause speaks there); an mtDNA child only of a woman.
     */
    private List<LineagePart> lineageParts(Map<LineageProfile.Method, LineageProfiles.OnFile> typings, UUID person) {
        return typings.isEmpty() ? List.of() : lineageParts(typings, lines(person));
    }

    /** A person's references on his lines, opened once for a job that weighs him against several remains. */
    private record Lines(Sex sex, Map<LineageProfile.Method, List<LineageProfiles.OnFile>> references) {
        boolean any() {
            return references.values().stream().anyMatch(list -> !list.isEmpty());
        }
    }

    private Lines lines(UUID person) {
        Map<String, Relation> lent = references.lentTo(person);
        Map<LineageProfile.Method, List<LineageProfiles.OnFile>> byMethod = new java.util.EnumMap<>(LineageProfile.Method.class);
        for (LineageProfile.Method method : LineageProfile.Method.values()) {
            byMethod.put(method, lineageProfiles.lineReferences(person, method, lent));
        }
        return new Lines(sexOf(person), byMethod);
    }

    private List<LineagePart> lineageParts(Map<LineageProfile.Method, LineageProfiles.OnFile> typings, Lines lines) {
        Sex sex = lines.sex();
        List<LineagePart> parts = new ArrayList<>();
        for (Map.Entry<LineageProfile.Method, LineageProfiles.OnFile> typing : typings.entrySet()) {
            LineageProfile.Method method = typing.getKey();
            if (method == LineageProfile.Method.Y_STR && sex == Sex.FEMALE) {
                continue;
            }
            List<LineagePart> ofMethod = new ArrayList<>();
            for (LineageProfiles.OnFile ref : lines.references().getOrDefault(method, List.of())) {
                UUID donor = ref.record().subjectId();
                Optional<LineagePart> part = method == LineageProfile.Method.Y_STR
                        ? lineage.compareY(typing.getValue().haplotype(), donor, ref.haplotype(),
                        PaternalLine.valueOf(ref.record().linePlace()))
                        : sex == Sex.FEMALE || MaternalLine.valueOf(ref.record().linePlace())
                        != MaternalLine.CHILD_OF_A_MISSING_WOMAN
                        ? lineage.compareMt(typing.getValue().sequence(), donor, ref.sequence(),
                        MaternalLine.valueOf(ref.record().linePlace()))
                        : Optional.empty();
                part.ifPresent(ofMethod::add);
            }
            Optional<LineagePart> closest = ofMethod.stream().filter(LineagePart::weighed)
                    .min(Comparator.comparingInt(LineagePart::meioses)
                            .thenComparing(Comparator.comparingInt(LineagePart::compared).reversed())
                            .thenComparing(p -> p.donorId().toString()));
            ofMethod.stream().sorted(Comparator.comparing((LineagePart p) -> p.donorId().toString()))
                    .map(p -> p.inRatio(closest.isPresent() && closest.get() == p)).forEach(parts::add);
        }
        return List.copyOf(parts);
    }

    /** Every reference of the family compared on its own with the remains (the entry's LR may combine several). */
    private List<ReferenceCheck> checks(StrProfile remains, List<FamilyReferences.Donor> donors) {
        return donors.stream().map(d -> ReferenceCheck.of(engine.scoring(), d.id(), d.relation(), remains, d.profile()))
                .toList();
    }

    /**
     * Ranks the candidates of every case touched (and of every case sharing a person with them), marks the
     * undisputed ones, and moves a profiled case with an undisputed candidate to CANDIDATE_FOUND.
     */
    private void rerank(Set<UUID> cases, Set<UUID> persons, Set<UUID> changedEvidence, Instant now) {
        entityManager.flush();
        Set<UUID> affected = new HashSet<>(cases);
        if (!persons.isEmpty()) {
            affected.addAll(entityManager.createQuery("select c.caseId from KinshipCandidate c where c.personId in :persons",
                    UUID.class).setParameter("persons", persons).getResultList());
        }
        Map<UUID, Boolean> misfits = new HashMap<>();
        for (UUID caseId : affected) {
            List<KinshipCandidate> ofCase = new ArrayList<>(entityManager.createQuery("select c from KinshipCandidate c"
                    + " where c.caseId = :case", KinshipCandidate.class).setParameter("case", caseId).getResultList());
            ofCase.sort(Comparator.comparingDouble(KinshipCandidate::lr).reversed());
            DnaSex remainsSex = remainsSex(caseId);
            List<SexComparison> sexes = ofCase.stream().map(c -> SexComparison.of(remainsSex, sexOf(c.personId()))).toList();
            if (ofCase.isEmpty()) {
                settle(caseId, false, now);
                continue;
            }
            // The party's families once per case: every candidate's references and family are read from it.
            KinshipReferences.Families ofParty = references.families(ofCase.get(0).party());
            UndisputedRule rule = undisputedRule(ofCase.get(0).party());
            List<UUID> weighed = new ArrayList<>(ofCase.stream().map(KinshipCandidate::personId).toList());
            Map<UUID, RelatedRival> underThreshold = relatedUnderThreshold(caseId, ofCase, weighed);
            List<Map<String, Relation>> relatives = FamilyGroups.relatives(weighed.stream()
                    .map(person -> ofParty.referencesOf().getOrDefault(person, List.of())).toList());
            List<UndisputedRule.Candidate> rivals = new ArrayList<>();
            for (int i = 0; i < ofCase.size(); i++) {
                KinshipCandidate c = ofCase.get(i);
                rivals.add(new UndisputedRule.Candidate(c.lr(), c.prior(), c.lociCompared(), stillMissing(c.personId()),
                        c.referenceChecks(), sexes.get(i).excludes(), ofParty.familyName(c.personId()), relatives.get(i),
                        c.perLocus(engine::unseal), c.autosomalLr(), ruleParts(c.lineage()), lineageMethodsCompared(c),
                        misfit(c.personId(), misfits)));
            }
            for (int i = ofCase.size(); i < weighed.size(); i++) {
                // A related person under the reporting threshold: not stored nor shown, but still a rival.
                RelatedRival rival = underThreshold.get(weighed.get(i));
                rivals.add(new UndisputedRule.Candidate(KinshipCandidate.combined(rival.lr().total(), rival.lineage()),
                        ofCase.get(0).prior(), rival.lr().lociCompared(), stillMissing(weighed.get(i)), rival.checks(),
                        false, ofParty.familyName(weighed.get(i)), relatives.get(i), rival.lr().perLocus(),
                        rival.lr().total(), ruleParts(rival.lineage()), Map.of()));
            }
            boolean anyUndisputed = false;
            for (int i = 0; i < ofCase.size(); i++) {
                KinshipCandidate candidate = ofCase.get(i);
                Object[] elsewhere = entityManager.createQuery("select coalesce(max(c.lr), 0), coalesce(max(c.autosomalLr), 0)"
                                + " from KinshipCandidate c where c.personId = :person and c.caseId <> :case", Object[].class)
                        .setParameter("person", candidate.personId()).setParameter("case", caseId).getSingleResult();
                double bestOfPersonElsewhere = Math.max((Double) elsewhere[0], (Double) elsewhere[1]);
                UndisputedRule.Verdict verdict = rule.judge(rivals, i, bestOfPersonElsewhere);
                if (candidate.undisputed() && !verdict.undisputed()) {
                    changedEvidence.add(candidate.id());
                }
                candidate.ranked(i + 1, verdict.posterior(), sexes.get(i), verdict.failed());
                anyUndisputed |= verdict.undisputed();
            }
            candidates.evidenceChanged(ofCase.stream().map(KinshipCandidate::id).filter(changedEvidence::remove).toList(),
                    EVIDENCE_CHANGED, Actor.KINSHIP_MATCHING, now);
            settle(caseId, anyUndisputed, now);
        }
    }

    /** The case's state as its candidates now stand: CANDIDATE_FOUND with an undisputed one, else PROFILED. */
    private void settle(UUID caseId, boolean anyUndisputed, Instant now) {
        RemainsCase remainsCase = entityManager.find(RemainsCase.class, caseId, LockModeType.PESSIMISTIC_WRITE);
        if (remainsCase == null) {
            return;
        }
        if (anyUndisputed) {
            remainsCase.strongCandidateFound(Actor.KINSHIP_MATCHING, now).ifPresent(entityManager::persist);
        } else if (!pendingProposals(caseId)) {
            // Erased references or a stronger rival: the candidate no longer stands alone.
            remainsCase.strongCandidateLost(Actor.KINSHIP_MATCHING, now).ifPresent(entityManager::persist);
        }
    }

    /**
     * Whether two of the person's references (as stated, on today's table's loci) fit another relationship to each
     * other better than stated; once per person and ranking ({@code known}).
     */
    private boolean misfit(UUID person, Map<UUID, Boolean> known) {
        return known.computeIfAbsent(person, p -> ReferenceFit.check(engine.matching(),
                engine.onTable(references.referencesAsStated(p)), engine.config().referenceFitFactor()).stream()
                .anyMatch(ReferenceFit.Pair::flagged));
    }

    /**
     * How many lineage methods each donor of the candidate was compared and weighed by without excluding (for the
     * party's policy: a typing never compared, or with no frequency to weigh it, is no second method; an inconclusive
     * mtDNA comparison, one difference, is one).
     */
    private static Map<String, Integer> lineageMethodsCompared(KinshipCandidate candidate) {
        Map<String, Set<String>> methods = new HashMap<>();
        candidate.lineage().stream().filter(p -> p.weighed() && !p.excludes())
                .forEach(p -> methods.computeIfAbsent(p.donorId().toString(), d -> new HashSet<>()).add(p.method()));
        Map<String, Integer> counts = new HashMap<>();
        methods.forEach((donor, ofDonor) -> counts.put(donor, ofDonor.size()));
        return counts;
    }

    /**
     * A related person under the reporting threshold, weighed for the rule only: his ratio, his references' checks and
     * his lineage parts (a brother lent the same father's Y has it too: the candidate's posterior must not rise over
     * him for it).
     */
    private record RelatedRival(LikelihoodRatio lr, List<ReferenceCheck> checks, List<LineagePart> lineage) {
    }

    /** Every lineage comparison as the rule weighs it: an unweighed one that fits still says "possibly of the line". */
    private static List<UndisputedRule.Lineage> ruleParts(List<LineagePart> parts) {
        return parts.stream().map(p -> new UndisputedRule.Lineage(p.method(), p.lr(), p.excludes(),
                p.inRatio() && p.weighed())).toList();
    }

    /**
     * The persons related to a candidate of the case (his stated brothers, or resting on one of his relatives)
     * whose ratio for these remains is under the reporting threshold: the mother typed on 15 loci for one son
     * and on 21 for the other may leave the right son under it, and he must still dispute his brother. Each is
     * appended to {@code persons}, with his strongest entry's ratio (0 when the data exclude him) and the checks of
     * his references.
     */
    private Map<UUID, RelatedRival> relatedUnderThreshold(UUID caseId, List<KinshipCandidate> ofCase, List<UUID> persons) {
        Map<UUID, RelatedRival> found = new HashMap<>();
        if (ofCase.isEmpty()) {
            return found;
        }
        String party = ofCase.get(0).party();
        StrProfile remains = references.remains(party).profiles().get(caseId);
        Map<LineageProfile.Method, LineageProfiles.OnFile> typings = lineageProfiles.remainsTypings(caseId);
        if (remains == null) {
            return found;
        }
        for (KinshipCandidate candidate : ofCase) {
            for (UUID related : references.relatedTo(candidate.personId(), party)) {
                if (persons.contains(related)) {
                    continue;
                }
                List<FamilyReferences.Donor> donors = references.donorsOf(related);
                List<LineagePart> parts = lineageParts(typings, related);
                // Threshold 0: even a rival the data exclude is weighed, for his references' checks; one with no STR
                // comparison is weighed on his lineage parts alone.
                Optional<LikelihoodRatio> best = KinshipSearch.search(references.family(related, donors).index(), remains,
                        0, candidate.prior()).stream().findFirst().map(KinshipSearch.Candidate::lr);
                if (best.isPresent() || !parts.isEmpty()) {
                    persons.add(related);
                    found.put(related, new RelatedRival(best.orElse(LINEAGE_ONLY), checks(remains, donors), parts));
                }
            }
        }
        return found;
    }

    private DnaSex remainsSex(UUID caseId) {
        return entityManager.createQuery("select p.dnaSex from DnaProfile p where p.subjectKind = :kind"
                        + " and p.subjectId = :case", DnaSex.class).setParameter("kind", DnaProfile.SubjectKind.CASE)
                .setParameter("case", caseId).getResultList().stream().findFirst().orElse(DnaSex.NOT_TYPED);
    }

    private Sex sexOf(UUID person) {
        MissingPerson entry = entityManager.find(MissingPerson.class, person);
        return entry == null ? null : entry.sex();
    }


    private boolean stillMissing(UUID person) {
        MissingPerson entry = entityManager.find(MissingPerson.class, person);
        return entry != null && entry.status() == PersonStatus.MISSING;
    }

    private UndisputedRule undisputedRule(String party) {
        KinshipConfig.Undisputed undisputed = engine.config().undisputed();
        return new UndisputedRule(undisputed.minPosterior(), undisputed.margin(), undisputed.minLoci(),
                engine.config().reportingThreshold(), policies.of(party));
    }

    private boolean pendingProposals(UUID caseId) {
        return entityManager.createQuery("select count(p) from IdentificationProposal p where p.caseId = :case"
                        + " and p.decision.status = :proposed", Long.class).setParameter("case", caseId)
                .setParameter("proposed", ProposalStatus.PROPOSED).getSingleResult() > 0;
    }

    private List<KinshipCandidate> candidatesOfCase(UUID caseId) {
        return entityManager.createQuery("select c from KinshipCandidate c where c.caseId = :case", KinshipCandidate.class)
                .setParameter("case", caseId).getResultList();
    }

    /** The configured prior, or 1/N for the N persons of the party's register still missing (at least 2). */
    double prior(String party) {
        if (engine.config().prior().isPresent()) {
            return engine.config().prior().getAsDouble();
        }
        long missing = entityManager.createQuery("select count(p) from MissingPerson p where p.party = :party"
                + " and p.status = :missing", Long.class).setParameter("party", party)
                .setParameter("missing", PersonStatus.MISSING).getSingleResult();
        return 1.0 / Math.max(2, missing);
    }
}
