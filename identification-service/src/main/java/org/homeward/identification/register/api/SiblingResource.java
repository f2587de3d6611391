package org.homeward.identification.register.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.homeward.identification.register.application.SiblingGroups;
import org.homeward.platform.security.Roles;

import java.util.Set;
import java.util.UUID;

@Path("/api/v1/missing-persons/{id}/full-siblings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Register of the missing", description = "One register from every source, without duplicates")
public class SiblingResource {

    /** The other missing person, a full sibling of this one. */
    public record SiblingRequest(@NotNull UUID personId) {
    }

    public record SiblingsResponse(UUID personId, Set<UUID> fullSiblings) {
    }

    private final SiblingGroups siblings;

    public SiblingResource(SiblingGroups siblings) {
        this.siblings = siblings;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "State that two missing persons are full siblings (the party's coordinators and laboratories)",
            description = "Brothers missing together form one group: a family reference donor of one (a parent, a"
                    + " sibling, a grandparent, an uncle or aunt, a child as a nephew, a personal effect as a brother's"
                    + " sample) is compared with the remains for each of them, so that the matching never weighs one"
                    + " brother on more references than the other. Stating members of two groups joins the groups."
                    + " Repeating a statement changes nothing. Audited.")
    public SiblingsResponse state(@PathParam("id") UUID id, @Valid @NotNull SiblingRequest request) {
        return new SiblingsResponse(id, siblings.state(id, request.personId()));
    }

    @DELETE
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "Withdraw the person from his group of full siblings (a statement made in error)",
            description = "The other members stay one group; a group left with one member is dissolved. Every"
                    + " former member is matched again on his own references. Withdrawing a person who is in no"
                    + " group changes nothing. Audited.")
    public SiblingsResponse withdraw(@PathParam("id") UUID id) {
        siblings.withdraw(id);
        return new SiblingsResponse(id, Set.of());
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "The person's full siblings in the register (audited)")
    public SiblingsResponse list(@PathParam("id") UUID id) {
        return new SiblingsResponse(id, siblings.of(id));
    }
}
