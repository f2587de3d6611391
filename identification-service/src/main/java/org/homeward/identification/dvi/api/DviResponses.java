package org.homeward.identification.dvi.api;

import org.homeward.identification.dvi.AnteMortemRecord;
import org.homeward.identification.dvi.PostMortemRecord;
import org.homeward.identification.dvi.application.Reconciliations;
import org.homeward.identification.dvi.comparison.AnteMortem;
import org.homeward.identification.dvi.comparison.Comparison;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.kinship.KinshipResults;
import org.homeward.identification.register.MissingPerson;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The DVI records and the reconciliation as the API shows them. */
public final class DviResponses {

    private DviResponses() {
    }

    /** One version: the whole record after it, and what it changed. */
    public record PostMortemVersion(int version, List<String> sections, UUID examinationId, String recordedBy,
                                    String recordedByOrganisation, Instant recordedAt, PostMortem record) {

        static PostMortemVersion of(PostMortemRecord version) {
            return new PostMortemVersion(version.version(), version.sections(), version.examinationId(),
                    version.recorded().subject(), version.recorded().organisation(), version.recorded().at(),
                    version.findings());
        }
    }

    /** {@code current}: the latest version's record (null before the first); {@code history}: every version, oldest first. */
    public record PostMortemRecordResponse(UUID caseId, PostMortem current, List<PostMortemVersion> history) {

        static PostMortemRecordResponse of(UUID caseId, List<PostMortemRecord> versions) {
            return new PostMortemRecordResponse(caseId, versions.isEmpty() ? null : versions.get(versions.size() - 1).findings(),
                    versions.stream().map(PostMortemVersion::of).toList());
        }
    }

    public record AnteMortemVersion(int version, List<String> sections, String recordedBy, String recordedByOrganisation,
                                    Instant recordedAt, AnteMortem record) {

        static AnteMortemVersion of(AnteMortemRecord version) {
            return new AnteMortemVersion(version.version(), version.sections(), version.recorded().subject(),
                    version.recorded().organisation(), version.recorded().at(), version.findings());
        }
    }

    public record AnteMortemRecordResponse(UUID missingPersonId, AnteMortem current, List<AnteMortemVersion> history) {

        static AnteMortemRecordResponse of(UUID personId, List<AnteMortemRecord> versions) {
            return new AnteMortemRecordResponse(personId, versions.isEmpty() ? null : versions.get(versions.size() - 1).findings(),
                    versions.stream().map(AnteMortemVersion::of).toList());
        }
    }

    /** The person's DNA standing in the case, beside (never combined with) the reconciliation's findings. */
    public record DnaStanding(UUID candidateId, double log10Lr, double posterior, boolean undisputed) {

        static DnaStanding of(KinshipResults.DnaStanding standing) {
            return standing == null ? null : new DnaStanding(standing.candidateId(), standing.log10Lr(),
                    standing.posterior(), standing.undisputed());
        }
    }

    public record Candidate(UUID missingPersonId, String surname, String firstNames, String patronymic, String status,
                            Comparison.Strength strength, List<Comparison.Identifier> primaryIdentifiers, int dentalPoints,
                            List<Comparison.Reason> exclusions, List<Comparison.Reason> concordances,
                            List<Comparison.Reason> explainable, Integer anteMortemVersion, DnaStanding dna) {

        static Candidate of(Reconciliations.Ranked ranked) {
            MissingPerson person = ranked.person();
            Comparison comparison = ranked.comparison();
            return new Candidate(person.id(), person.surname(), person.firstNames(), person.patronymic(),
                    person.status().name(), comparison.strength(), comparison.primary(), comparison.dentalPoints(),
                    comparison.exclusions(), comparison.concordances(), comparison.explained(),
                    ranked.anteMortem() == null ? null : ranked.anteMortem().version(), DnaStanding.of(ranked.dna()));
        }
    }

    /**
     * {@code postMortemVersion}: null when the case has no post-mortem record yet (nothing compared); the counts are
     * over every person compared, of whom {@code candidates} lists the first, best first.
     */
    public record ReconciliationResponse(UUID caseId, Integer postMortemVersion, int compared, int excluded, int primary,
                                         List<Candidate> candidates) {

        static ReconciliationResponse of(Reconciliations.Reconciliation reconciliation) {
            return new ReconciliationResponse(reconciliation.remainsCase().id(),
                    reconciliation.postMortem() == null ? null : reconciliation.postMortem().version(),
                    reconciliation.compared(), reconciliation.excluded(), reconciliation.primary(),
                    reconciliation.listed().stream().map(Candidate::of).toList());
        }
    }
}
