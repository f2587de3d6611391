package org.homeward.identification.register.api;

import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.identification.register.LinkageReview;
import org.homeward.identification.register.MissingPerson;
import org.homeward.identification.register.PersonCategory;
import org.homeward.identification.register.PersonReport;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.RegisterImport;
import org.homeward.identification.register.ReportSource;
import org.homeward.identification.register.Sex;
import org.homeward.identification.register.application.MissingPersons;
import org.homeward.identification.register.application.RegisterLinkage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The register as its readers see it (personal data: coordinators of the party and its laboratories). */
public final class RegisterResponses {

    private RegisterResponses() {
    }

    public record LinkedResponse(UUID reportId, UUID personId, LinkageOutcome linkage, UUID reviewId) {

        static LinkedResponse of(RegisterLinkage.Linked linked) {
            return new LinkedResponse(linked.reportId(), linked.personId(), linked.outcome(), linked.reviewId());
        }
    }

    public record PersonResponse(UUID id, PersonStatus status, String party, PersonCategory category, String surname,
                                 String firstNames, String patronymic, String script, String language,
                                 String dateOfBirth, String serviceNumber, String unit, Sex sex, String circumstances,
                                 UUID mergedInto, Instant createdAt, List<ReportResponse> reports) {

        static PersonResponse of(MissingPerson p, List<ReportResponse> reports) {
            return new PersonResponse(p.id(), p.status(), p.party(), p.category(), p.surname(), p.firstNames(),
                    p.patronymic(), p.nameScript(), p.nameLanguage(), p.birthDate().toString(), p.serviceNumber(),
                    p.unit(), p.sex(), p.circumstances(), p.mergedInto(), p.createdAt(), reports);
        }

        static PersonResponse of(MissingPersons.Entry entry) {
            return of(entry.person(), entry.reports().stream().map(ReportResponse::of).toList());
        }
    }

    /** A contributing report with its provenance. */
    public record ReportResponse(UUID id, ReportSource source, String sourceAddress, LocalDate reportedOn,
                                 String surname, String firstNames, String patronymic, String script, String language,
                                 String dateOfBirth, String serviceNumber, LinkageOutcome linkage, UUID importId,
                                 String reportedBy, Instant receivedAt) {

        static ReportResponse of(PersonReport r) {
            return new ReportResponse(r.id(), r.source(), r.sourceAddress(), r.reportedOn(), r.surname(),
                    r.firstNames(), r.patronymic(), r.script(), r.language(), r.dateOfBirth(), r.serviceNumber(),
                    r.linkage(), r.importId(), r.reportedByOrganisation(), r.receivedAt());
        }
    }

    public record ReviewResponse(UUID id, UUID entryId, UUID candidateId, String party, LinkageOutcome outcome,
                                 List<String> reasons, LinkageReview.Status status, Instant openedAt, String decidedBy,
                                 Instant decidedAt) {

        static ReviewResponse of(LinkageReview r) {
            return new ReviewResponse(r.id(), r.entryId(), r.candidateId(), r.party(), r.outcome(), r.reasonList(),
                    r.status(), r.openedAt(), r.decidedBy(), r.decidedAt());
        }
    }

    public record ImportResponse(UUID id, String party, RegisterImport.Status status, int totalRows, int processedRows,
                                 int matched, int toReview, int newEntries, double comparisonsPerRow,
                                 Instant submittedAt, Instant finishedAt) {

        static ImportResponse of(RegisterImport j) {
            return new ImportResponse(j.id(), j.party(), j.status(), j.totalRows(), j.processedRows(), j.matched(),
                    j.toReview(), j.newEntries(), j.processedRows() == 0 ? 0 : (double) j.comparisons() / j.processedRows(),
                    j.submittedAt(), j.finishedAt());
        }
    }
}
