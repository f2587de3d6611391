package org.homeward.platform.testapp;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.InvalidTransition;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.idempotency.CreatedResource;
import org.homeward.platform.idempotency.IdempotentCreation;
import org.homeward.platform.paging.Page;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The test application's API: each endpoint exercises one piece of platform/core the way services do. */
@Path("/test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public class ThingResource {

    private final IdempotentCreation idempotency;
    private final EntityManager entityManager;
    private final Caller caller;
    private final AuditLog audit;
    private final ThingRaces races;

    public ThingResource(IdempotentCreation idempotency, EntityManager entityManager, Caller caller, AuditLog audit,
                         ThingRaces races) {
        this.idempotency = idempotency;
        this.entityManager = entityManager;
        this.caller = caller;
        this.audit = audit;
        this.races = races;
    }

    public record ThingView(UUID id, String name, String secret) {
    }

    @POST
    @Path("/things")
    public Response create(@HeaderParam(IdempotentCreation.HEADER) String key, @QueryParam("slow") boolean slow,
                           @QueryParam("withSecret") boolean withSecret, @Valid @NotNull ThingRequest request) {
        return idempotency.create(caller.organisation(), "POST /test/things", key, request, () -> {
            Thing thing = new Thing();
            thing.id = UUID.randomUUID();
            thing.name = request.name();
            entityManager.persist(thing);
            audit.record("thing.create", "thing", thing.id.toString());
            if (slow) {
                pause();
            }
            String secret = withSecret ? "whsec_" + UUID.randomUUID() : null;
            return new CreatedResource(URI.create("/test/things/" + thing.id), new ThingView(thing.id, thing.name, secret),
                    withSecret);
        });
    }

    @GET
    @Path("/things")
    @Transactional
    public Page<ThingView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        PageRequest request = PageRequest.of(page, size);
        List<ThingView> fetched = entityManager.createQuery("select t from Thing t order by t.id", Thing.class)
                .setFirstResult(request.offset()).setMaxResults(request.fetchSize()).getResultList().stream()
                .map(t -> new ThingView(t.id, t.name, null)).toList();
        return Page.of(fetched, request);
    }

    @GET
    @Path("/things/{id}")
    @Transactional
    public ThingView read(@PathParam("id") UUID id) {
        Thing thing = entityManager.find(Thing.class, id);
        if (thing == null) {
            throw ProblemException.notFound("Thing " + id);
        }
        audit.record("thing.read", "thing", id.toString());
        return new ThingView(thing.id, thing.name, null);
    }

    /** Renames with the version the caller read; a stale version is a concurrent change. */
    @PUT
    @Path("/things/{id}")
    @Transactional
    public ThingView rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                            @Valid @NotNull ThingRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED, "Send If-Match with the version you read");
        }
        Thing thing = entityManager.find(Thing.class, id);
        if (thing == null) {
            throw ProblemException.notFound("Thing " + id);
        }
        entityManager.detach(thing);
        thing.version = Long.parseLong(ifMatch);
        thing.name = request.name();
        Thing merged = entityManager.merge(thing);
        entityManager.flush();
        return new ThingView(merged.id, merged.name, null);
    }

    @POST
    @Path("/rules")
    public void breakARule() {
        throw new RuleViolation("name", "A thing may not be named so");
    }

    @POST
    @Path("/transitions")
    public void impossibleTransition() {
        throw new InvalidTransition("The thing is ARCHIVED and cannot be archived again");
    }

    /** Takes the thing's row, waiting for it at most 200 ms (a request that meets another's lock). */
    @POST
    @Path("/things/{id}/touch")
    @Transactional
    public ThingView touch(@PathParam("id") UUID id) {
        entityManager.createNativeQuery("set local lock_timeout = '200ms'").executeUpdate();
        Thing thing = entityManager.find(Thing.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (thing == null) {
            throw ProblemException.notFound("Thing " + id);
        }
        return new ThingView(thing.id, thing.name, null);
    }

    /** Stores a thing through a service that loses {@code losses} races first ({@link ThingRaces}). */
    @POST
    @Path("/races")
    public Map<String, Object> race(@QueryParam("name") @NotNull String name, @QueryParam("losses") int losses,
                                    @QueryParam("state") @DefaultValue("40P01") String state,
                                    @QueryParam("inside") boolean inside) {
        UUID id = inside ? racesInsideATransaction(name, losses, state) : races.storeLosing(name, losses, state);
        return Map.of("id", id, "attempts", races.attemptsFor(name));
    }

    /** The same service called from a transaction already open: only its starter could run it again. */
    @Transactional
    UUID racesInsideATransaction(String name, int losses, String state) {
        return races.storeLosing(name, losses, state);
    }

    @GET
    @Path("/races")
    public Map<String, Integer> attempts(@QueryParam("name") @NotNull String name) {
        return Map.of("attempts", races.attemptsFor(name));
    }

    @POST
    @Path("/failures")
    public void fail() {
        throw new IllegalStateException("a bug with a secret detail: Ivanov Sergei");
    }

    @POST
    @Path("/uploads")
    public Map<String, Integer> upload(String body) {
        return Map.of("bytes", body.length());
    }

    private static void pause() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
