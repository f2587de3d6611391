package org.homeward.transfer.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.readmodel.AgreementView;
import org.homeward.transfer.readmodel.AgreementViews;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/agreement-views")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements (as known here)",
        description = "Agreements as transfer-service last heard of them from agreement-service's events")
public class AgreementViewResource {

    private final AgreementViews views;
    private final Caller caller;
    private final ObjectMapper json;

    public AgreementViewResource(AgreementViews views, Caller caller, ObjectMapper json) {
        this.views = views;
        this.caller = caller;
        this.json = json;
    }

    public record AgreementViewResponse(UUID agreementId, long sequence, String reference, String title,
                                        String status, Instant updatedAt, JsonNode state) {
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "An agreement as this service knows it", description = "404 outside your scope.")
    public AgreementViewResponse get(@PathParam("id") UUID id) {
        return views.find(id, caller.party().orElse(null), caller.organisation()).map(this::toResponse)
                .orElseThrow(() -> ProblemException.notFound("Agreement " + id));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.MEDIATOR, Roles.INTERMEDIARY})
    @Operation(summary = "Agreements known here that you may see, most recently changed first")
    public Page<AgreementViewResponse> list(
            @QueryParam("status") @Pattern(regexp = "[A-Z_]{1,20}") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        List<AgreementViewResponse> fetched = views.list(caller.party().orElse(null), caller.organisation(), status, request).stream().map(this::toResponse).toList();
        return Page.of(fetched, request);
    }

    private AgreementViewResponse toResponse(AgreementView view) {
        try {
            return new AgreementViewResponse(view.agreementId, view.sequence, view.reference, view.title, view.status,
                    view.updatedAt, json.readTree(view.state));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
