package org.homeward.identification.retention.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.retention.ErasureRequest;
import org.homeward.identification.retention.ErasureSubject;
import org.homeward.identification.retention.application.Erasures;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Roles;
import org.homeward.platform.text.SafeText;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/ops/erasures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Operations", description = "For operators")
@RolesAllowed(Roles.OPERATOR)
public class ErasureResource {

    private final Erasures erasures;

    public ErasureResource(Erasures erasures) {
        this.erasures = erasures;
    }

    public record NewErasure(@NotNull ErasureSubject subject, @NotNull UUID subjectId,
                             @NotBlank @Size(max = 1000) @Pattern(regexp = SafeText.MULTILINE_PATTERN) String reason) {
    }

    public record ErasureView(UUID id, ErasureSubject subject, UUID subjectId, String reason,
                              ErasureRequest.Status status, String requestedBy, Instant requestedAt,
                              String confirmedBy, String withdrawnBy, Instant doneAt) {

        static ErasureView of(ErasureRequest r) {
            return new ErasureView(r.id(), r.subject(), r.subjectId(), r.reason(), r.status(), r.requestedBy(),
                    r.requestedAt(), r.confirmedBy(), r.withdrawnBy(), r.doneAt());
        }
    }

    @GET
    @Path("/due")
    @Operation(summary = "Cases or register entries past their retention, by id and due date, longest due first"
            + " (audited)")
    public Page<Erasures.Due> due(@QueryParam("subject") @NotNull ErasureSubject subject,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(erasures.due(subject, request), request);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for the erasure of a case or register entry past its retention (send"
            + " Homeward-Purpose: erasure; audited)", description = "Nothing is erased until a second operator"
            + " confirms. 422 if the subject is not past its retention or the purpose is not declared; 409 if an"
            + " erasure of it is already requested.")
    public Response request(@Valid @NotNull NewErasure body) {
        ErasureRequest request = erasures.request(body.subject(), body.subjectId(), body.reason());
        return Response.created(URI.create("/api/v1/ops/erasures/" + request.id())).entity(ErasureView.of(request))
                .build();
    }

    @GET
    @Operation(summary = "Erasure requests in one status (REQUESTED by default), oldest first")
    public Page<ErasureView> list(@QueryParam("status") @DefaultValue("REQUESTED") ErasureRequest.Status status,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(erasures.list(status, request).stream().map(ErasureView::of).toList(), request);
    }

    @POST
    @Path("/{id}/confirmation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm another operator's erasure request: the subject and everything recorded about"
            + " it is erased now, for good (send Homeward-Purpose: erasure; audited)", description = "409 if you"
            + " asked for it yourself, the request is no longer REQUESTED, or work still waits on the subject (an"
            + " open review or an undecided prisoner check of a register entry: settle it first); 422 if the"
            + " subject is no longer past its retention.")
    public ErasureView confirm(@PathParam("id") UUID id) {
        return ErasureView.of(erasures.confirm(id));
    }

    @POST
    @Path("/{id}/withdrawal")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Take back an erasure request before it is confirmed (any operator; audited)")
    public ErasureView withdraw(@PathParam("id") UUID id) {
        return ErasureView.of(erasures.withdraw(id));
    }
}
