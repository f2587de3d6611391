package org.homeward.transfer.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.application.ManifestService;
import org.homeward.transfer.application.ManifestView;
import org.homeward.transfer.manifest.format.CsvManifest;
import org.homeward.transfer.manifest.format.ManifestFormat;

import java.util.UUID;

@Path("/api/v1/transfers/{id}/manifest")
@Tag(name = "Manifests", description = "Who or what the sending side hands over, as claimed (personal data)")
public class ManifestResource {

    private static final String CSV = "text/csv";

    private final ManifestService manifests;

    public ManifestResource(ManifestService manifests) {
        this.manifests = manifests;
    }

    @PUT
    @Consumes({CSV, MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Submit or replace the manifest (sending party, until dispatch)", description = """
            UTF-8 (a byte-order mark is allowed), as text/csv with a header row or as application/json
            {"items": [{...}]}, same names in both. Checked whole: any error rejects the whole manifest with
            each row and field at fault, and nothing is stored. Dates are YYYY-MM-DD.
            REMAINS columns: tag*, nationality*, category* (MILITARY, CIVILIAN, UNKNOWN), surname, firstNames,
            patronymic, dateOfBirth, serviceNumber, recoveryPlace*, recoveryDate*, personalEffects.
            PRISONERS columns: tag*, surname*, firstNames*, patronymic, rank*, dateOfBirth*, serviceNumber*,
            category* (selects the term), nationality, healthNotes.
            CIVILIANS columns: tag*, surname*, firstNames*, patronymic, dateOfBirth*, category*, nationality,
            healthNotes. (* required; a CSV file carries every column of its kind, in any order.)
            Replacing a manifest withdraws consents recorded against the previous one.""")
    public TransferResponse submit(@PathParam("id") UUID id, @Context HttpHeaders headers, byte[] body) {
        ManifestFormat format = headers.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)
                ? ManifestFormat.JSON : ManifestFormat.CSV;
        return TransferResponse.of(manifests.submit(id, format, body));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Read the items, with consent and receipt (the two parties and the escort; audited)")
    public ManifestResponse json(@PathParam("id") UUID id) {
        return ManifestResponse.of(manifests.read(id));
    }

    @GET
    // JSON is the default for clients that accept anything; CSV is for those that ask for it.
    @Produces(CSV + ";qs=0.5")
    @RolesAllowed({Roles.COORDINATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Download the manifest as CSV (the two parties and the escort; audited)",
            description = "The sender's items in the upload's columns, with a byte-order mark. Cells starting with "
                    + "= + - @ or a tab are prefixed with an apostrophe so that no spreadsheet runs them.")
    public Response csv(@PathParam("id") UUID id) {
        ManifestView view = manifests.read(id);
        byte[] body = CsvManifest.write(view.transfer().kind(), view.declared());
        return Response.ok(body, CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"manifest-" + id + ".csv\"").build();
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERMEDIARY)
    @Operation(summary = "Confirm prisoners' consent to repatriation (the escorting intermediary; GC III Art. 109)",
            description = "Per person, by manifest tag. A prisoner without a confirmation cannot be dispatched.")
    public TransferResponse consents(@PathParam("id") UUID id, @Valid @NotNull HandoverRequests.Consents request) {
        return TransferResponse.of(manifests.confirmConsents(id, request.tags()));
    }

    @POST
    @Path("/consent-withdrawals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.INTERMEDIARY)
    @Operation(summary = "Record that prisoners no longer consent to repatriation (the escorting intermediary)",
            description = "Until dispatch. The transfer cannot then be dispatched until each consents again or the "
                    + "manifest is replaced without them.")
    public TransferResponse withdrawConsents(@PathParam("id") UUID id,
                                             @Valid @NotNull HandoverRequests.Consents request) {
        return TransferResponse.of(manifests.withdrawConsents(id, request.tags()));
    }
}
