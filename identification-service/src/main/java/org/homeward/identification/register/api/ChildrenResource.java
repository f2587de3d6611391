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
import org.homeward.identification.register.application.ParentChildLinks;
import org.homeward.platform.security.Roles;

import java.util.Set;
import java.util.UUID;

@Path("/api/v1/missing-persons/{id}/children")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Register of the missing", description = "One register from every source, without duplicates")
public class ChildrenResource {

    /** The other missing person, a child of this one. */
    public record ChildRequest(@NotNull UUID personId) {
    }

    public record FamilyResponse(UUID personId, Set<UUID> parents, Set<UUID> children) {
        static FamilyResponse of(UUID personId, ParentChildLinks.Family family) {
            return new FamilyResponse(personId, family.parents(), family.children());
        }
    }

    private final ParentChildLinks links;

    public ChildrenResource(ParentChildLinks links) {
        this.links = links;
    }

    @POST
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "State that a missing person is this missing person's child (the party's coordinators and"
            + " laboratories)", description = "A father and his son missing together: each one's family reference"
            + " donors reach the other as the relationship carries over (the father's parents are the son's"
            + " grandparents, his full siblings the son's uncles, his personal effects a father's sample; the"
            + " son's personal effects and full siblings are the father's children, the son's child his grandchild;"
            + " what may be of the other side is left out), and the matching weighs the two as related rivals. A"
            + " child has at most two; a person stated as the other's parent, or his full sibling, cannot be stated"
            + " his child. Repeating a statement changes nothing. Audited.")
    public FamilyResponse state(@PathParam("id") UUID id, @Valid @NotNull ChildRequest request) {
        return FamilyResponse.of(id, links.state(id, request.personId()));
    }

    @GET
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "The person's missing parents and children in the register (audited)")
    public FamilyResponse list(@PathParam("id") UUID id) {
        return FamilyResponse.of(id, links.of(id));
    }

    @DELETE
    @Path("/{childId}")
    @RolesAllowed({Roles.COORDINATOR, Roles.FORENSIC_EXAMINER})
    @Operation(summary = "Withdraw the statement that a missing person is this one's child (made in error; audited)")
    public FamilyResponse withdraw(@PathParam("id") UUID id, @PathParam("childId") UUID childId) {
        return FamilyResponse.of(id, links.withdraw(id, childId));
    }
}
