package org.homeward.identification.register.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.register.PersonStatus;
import org.homeward.identification.register.application.MissingPersons;
import org.homeward.identification.register.application.RegisterLinkage;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/missing-persons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Register of the missing", description = "One register from every source, without duplicates")
public class RegisterResource {

    private final MissingPersons register;
    private final IdempotentCreation idempotency;
    private final Caller caller;

    public RegisterResource(MissingPersons register, IdempotentCreation idempotency, Caller caller) {
        this.register = register;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COORDINATOR)
    @Operation(summary = "Report a missing person (your party's coordinators)", description = "A report that matches "
            + "a known person (same service number, names that meet, no contradicting date of birth) attaches to him; "
            + "one that may be of a known person becomes an entry of its own and a review (linkage PROBABLE or "
            + "CONFLICT), as does one whose blocking key holds too many entries to compare (UNCOMPARED, a review "
            + "naming no candidate); any other a new entry. Send an Idempotency-Key.")
    public Response report(@HeaderParam(IdempotentCreation.HEADER) String idempotencyKey,
                           @Valid @NotNull RegisterRequests.Report request) {
        return idempotency.create(caller.organisation(), "POST /api/v1/missing-persons", idempotencyKey, request, () -> {
            RegisterLinkage.Linked linked = register.report(request.toDomain());
            return new CreatedResource(URI.create("/api/v1/missing-persons/" + linked.personId()),
                    RegisterResponses.LinkedResponse.of(linked));
        });
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "Entries of the registers you may read, newest first (audited)", description = "name matches "
            + "a surname or first name in any script by its folded Latin key; serviceNumber ignores spaces and dashes.")
    public Page<RegisterResponses.PersonResponse> list(@QueryParam("party") @Pattern(regexp = "[A-Z]{2}") String party,
                                                       @QueryParam("status") PersonStatus status,
                                                       @QueryParam("name") @Size(min = 1, max = 200) String name,
                                                       @QueryParam("serviceNumber") @Size(min = 1, max = 64) String serviceNumber,
                                                       @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                       @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(register.list(party, status, name, serviceNumber, request).stream()
                .map(p -> RegisterResponses.PersonResponse.of(p, List.of())).toList(), request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "An entry with every report behind it and its provenance (audited)")
    public RegisterResponses.PersonResponse get(@PathParam("id") UUID id) {
        return RegisterResponses.PersonResponse.of(register.get(id));
    }
}
