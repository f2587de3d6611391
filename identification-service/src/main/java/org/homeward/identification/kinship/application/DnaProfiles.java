package org.homeward.identification.kinship.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.application.CaseAccess;
import org.homeward.identification.kinship.DnaProfile;
import org.homeward.identification.kinship.FamilyDonor;
import org.homeward.identification.kinship.engine.FamilyReferences;
import org.homeward.identification.kinship.engine.StrProfile;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.shared.Actor;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * STR profiles of remains (by the case's assigned laboratory) and of family reference donors (by a
 * laboratory identifying for the missing person's party). Recording one queues the matching in the same
 * transaction; reading one is audited. DNA never leaves this service: no event carries it.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class DnaProfiles {

    private final EntityManager entityManager;
    private final CaseAccess caseAccess;
    private final LaboratoryDonors donors;
    private final KinshipEngine engine;
    private final KinshipWork work;
    private final KinshipReferences references;
    private final AuditLog audit;
    private final Clock clock;

    public DnaProfiles(EntityManager entityManager, CaseAccess caseAccess, LaboratoryDonors donors,
                       KinshipEngine engine, KinshipWork work, KinshipReferences references, AuditLog audit,
                       Clock clock) {
        this.references = references;
        this.entityManager = entityManager;
        this.caseAccess = caseAccess;
        this.donors = donors;
        this.engine = engine;
        this.work = work;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A profile as submitted: locus name (any alias) to one or two allele labels, and the sample's allele
     * drop-out probability when the laboratory marks it degraded (0 otherwise).
     */
    public record Submitted(String sampleId, Map<String, java.util.List<String>> loci, double dropout) {
        public Submitted(String sampleId, Map<String, java.util.List<String>> loci) {
            this(sampleId, loci, 0);
        }

        /** The same profile, from a sample with this drop-out probability (null: read exactly). */
        public Submitted degraded(Double probability) {
            return new Submitted(sampleId, loci, probability == null ? 0 : probability);
        }
    }

    /** What a recording stored, and the markers it set aside as submitted (StrProfile.Reading). */
    public record Recorded(DnaProfile profile, java.util.List<String> setAside) {
    }

    /** A profile on file, opened for its reader. */
    public record OnFile(DnaProfile record, StrProfile profile) {
    }

    public Recorded recordForCase(UUID caseId, Submitted submitted) {
        StrProfile.Reading reading = read(submitted);
        Instant now = Instant.now(clock);
        // In the lock order of KinshipWork: the job's row first (a job for this case may be running), then the case.
        RemainsCase remainsCase = caseAccess.forLaboratory(caseId, LockModeType.NONE);
        String party = remainsCase.toParty();
        work.enqueue(KinshipWork.Kind.CASE, caseId, party, now);
        // Reloaded under the lock (not find-with-lock, which would refuse a version a job changed meanwhile).
        entityManager.refresh(remainsCase, LockModeType.PESSIMISTIC_WRITE);
        Actor actor = caseAccess.actor();
        remainsCase.profiled(actor, now).ifPresent(entityManager::persist);
        DnaProfile stored = store(DnaProfile.SubjectKind.CASE, caseId, party, submitted.sampleId(), reading, actor, now);
        audit.record("dna-profile.case.record", "case", caseId.toString());
        return new Recorded(stored, reading.setAside());
    }

    private StrProfile.Reading read(Submitted submitted) {
        StrProfile.Reading reading = StrProfile.read(submitted.loci(), engine.frequencies().loci(), "loci");
        return new StrProfile.Reading(reading.profile().withDropout(submitted.dropout()), reading.setAside(),
                reading.sex());
    }

    public Recorded recordForDonor(UUID donorId, Submitted submitted) {
        StrProfile.Reading reading = read(submitted);
        LaboratoryDonors.Typing typing = donors.forTyping(donorId, submitted.sampleId());
        FamilyDonor donor = typing.donor();
        MissingPerson person = typing.person();
        Instant now = Instant.now(clock);
        Actor actor = typing.actor();
        // Everyone the sample reaches is matched again, as it was (a retyped sample) and as it is now: his
        // person's stated family, and every file with the same relative, merged with it.
        Set<UUID> reached = new TreeSet<>(); // in id order, as every caller queues (no deadlock between them)
        reached.add(person.id());
        references.asReference(donor).ifPresent(before -> reached.addAll(
                references.reachOf(person.id(), person.party(), before).persons()));
        reached.addAll(references.reachOf(person.id(), person.party(), new FamilyReferences.Donor(donorId.toString(),
                KinshipReferences.relation(donor.relationship()), reading.profile())).persons());
        reached.forEach(reach -> work.enqueue(KinshipWork.Kind.PERSON, reach, person.party(), now));
        DnaProfile stored = store(DnaProfile.SubjectKind.DONOR, donorId, person.party(), submitted.sampleId(), reading,
                actor, now);
        audit.record("dna-profile.donor.record", "family_donor", donorId.toString());
        return new Recorded(stored, reading.setAside());
    }

    public OnFile ofCase(UUID caseId) {
        caseAccess.forLaboratory(caseId, LockModeType.NONE);
        DnaProfile record = find(DnaProfile.SubjectKind.CASE, caseId)
                .orElseThrow(() -> ProblemException.notFound("A DNA profile of case " + caseId));
        audit.record("dna-profile.case.read", "case", caseId.toString());
        return new OnFile(record, record.open(engine::unseal));
    }

    public OnFile ofDonor(UUID donorId) {
        donors.forReading(donorId);
        DnaProfile record = find(DnaProfile.SubjectKind.DONOR, donorId)
                .orElseThrow(() -> ProblemException.notFound("A DNA profile of donor " + donorId));
        audit.record("dna-profile.donor.read", "family_donor", donorId.toString());
        return new OnFile(record, record.open(engine::unseal));
    }

    /** Erases a donor's profile (consent withdrawn), in the caller's transaction. */
    public boolean eraseDonorProfile(UUID donorId, String party, Instant now) {
        Optional<DnaProfile> profile = find(DnaProfile.SubjectKind.DONOR, donorId);
        profile.ifPresent(entityManager::remove);
        work.bumpGeneration(party, DnaProfile.SubjectKind.DONOR.name());
        return profile.isPresent();
    }

    private DnaProfile store(DnaProfile.SubjectKind kind, UUID subject, String party, String sampleId,
                             StrProfile.Reading reading, Actor actor, Instant now) {
        DnaProfile stored = find(kind, subject).orElse(null);
        if (stored == null) {
            stored = new DnaProfile(kind, subject, party, sampleId, reading.profile(), reading.sex(), engine::seal,
                    actor, now);
            entityManager.persist(stored);
        } else {
            stored.retype(sampleId, reading.profile(), reading.sex(), engine::seal, actor, now);
        }
        work.bumpGeneration(party, kind.name());
        return stored;
    }

    private Optional<DnaProfile> find(DnaProfile.SubjectKind kind, UUID subject) {
        return entityManager.createQuery("select p from DnaProfile p where p.subjectKind = :kind"
                        + " and p.subjectId = :subject", DnaProfile.class)
                .setParameter("kind", kind).setParameter("subject", subject).getResultList().stream().findFirst();
    }
}
