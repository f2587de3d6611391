package org.homeward.identification.kinship.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.kinship.application.KinshipCandidates;
import org.homeward.identification.kinship.application.KinshipReport;
import org.homeward.identification.kinship.application.KinshipReports;
import org.homeward.platform.security.Roles;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{id}/kinship-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "DNA kinship matching", description = "What the background search found (the identifying laboratory's examiners)")
public class CaseKinshipCandidateResource {

    private static final MediaType PDF = new MediaType("application", "pdf");

    private final KinshipCandidates candidates;
    private final KinshipReports reports;

    public CaseKinshipCandidateResource(KinshipCandidates candidates, KinshipReports reports) {
        this.candidates = candidates;
        this.reports = reports;
    }

    @GET
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "Missing persons whose family references match the remains, strongest first (the case's"
            + " laboratory; audited)", description = "LR per locus and in total, loci compared, prior (1/N for the N"
            + " missing persons of the party unless configured), posterior, rank, and whether the candidate is"
            + " undisputed (by default: posterior among the case's candidates >= 0.9995, LR >= 1,000 x every rival"
            + " of the case and the same person's ratio in other remains, at least 12 loci compared).")
    public List<KinshipCandidateResponses.CandidateResponse> ofCase(@PathParam("id") UUID id) {
        return candidates.ofCase(id).stream().map(KinshipCandidateResponses.CandidateResponse::of).toList();
    }

    @GET
    @Path("/{candidateId}/report")
    @Produces({MediaType.APPLICATION_JSON, "application/pdf"})
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The candidate's kinship report, as JSON or (Accept: application/pdf) as PDF: hypotheses,"
            + " pedigree and typing, genotypes, frequencies and ratio per locus, models and settings, lineage parts,"
            + " prior and posterior, the undisputed rule's verdict, the proposals and decisions (the case's"
            + " laboratory; audited)")
    public Response report(@PathParam("id") UUID id, @PathParam("candidateId") UUID candidateId,
                           @Context HttpHeaders headers) {
        boolean pdf = prefersPdf(headers.getAcceptableMediaTypes());
        KinshipReport report = reports.of(id, candidateId, pdf ? "pdf" : "json");
        return (pdf ? Response.ok(KinshipReportPdf.render(report), PDF)
                .header("Content-Disposition", "attachment; filename=\"kinship-report.pdf\"")
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE)).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @GET
    @Path("/{candidateId}/report/pedtools")
    @RolesAllowed(Roles.FORENSIC_EXAMINER)
    @Operation(summary = "The candidate's comparison as the files pedtools reads, to recompute it with forrel",
            description = "ped: readPed's table (id, fid, mid, sex, one column per locus compared; the missing person"
                    + " is MP, typed with the remains); frequencies: readFreqDatabase's list format (each locus's"
                    + " whole distribution); recompute: the R lines (missingPersonLR) that give autosomalLr. The case's"
                    + " laboratory only; audited on the candidate, the case and each donor. 422 for personal effects"
                    + " (an identity has no pedigree); 409 when a reference or the remains' profile is gone.")
    public KinshipReports.PedtoolsExport pedtools(@PathParam("id") UUID id, @PathParam("candidateId") UUID candidateId) {
        return reports.pedtools(id, candidateId);
    }

    /** A media range the client refuses (q=0, q=0.0, q=0.000). */
    private static boolean refused(MediaType type) {
        String q = type.getParameters().get("q");
        try {
            return q != null && Double.parseDouble(q) == 0;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** The first of JSON and PDF the Accept header takes, in its order of preference (JSON for a wildcard). */
    private static boolean prefersPdf(List<MediaType> acceptable) {
        for (MediaType type : acceptable) {
            if (refused(type)) {
                continue;
            }
            if (type.isWildcardType() || MediaType.APPLICATION_JSON_TYPE.isCompatible(type)) {
                return false;
            }
            if (PDF.isCompatible(type)) {
                return true;
            }
        }
        return false;
    }
}
