package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.services.ServiceRefusal;
import org.homeward.console.signin.ConsoleUser;
import org.homeward.console.signin.CurrentUser;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The register of the missing: a search by name in any script or by service number (sent as a form, so that
 * no name stands in an address or a browser's history), imports of reports with a progress bar that follows
 * the job, and the examiners' queue of possible duplicates to merge or keep apart.
 */
@Path("/register")
@Produces(MediaType.TEXT_HTML)
public class RegisterPages {

    public record PersonRow(String surname, String firstNames, String patronymic, String dateOfBirth,
                            String serviceNumber, String party, String status) {
    }

    public record ImportView(String id, String status, int totalRows, int processedRows, int matched, int toReview,
                             int newEntries) {

        /** Still being linked: the page asks again until it is done. */
        public boolean working() {
            return "QUEUED".equals(status) || "RUNNING".equals(status);
        }
    }

    /**
     * A possible duplicate: the new report's entry and the entry it resembles, side by side. An UNCOMPARED review
     * names no candidate (too many entries shared its key): it can only be kept apart here.
     */
    public record ReviewRow(String id, String candidateId, String outcome, String reasons, String party,
                            PersonRow entry, PersonRow candidate) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance register(List<PersonRow> found, boolean searched, List<ImportView> failed,
                                                boolean coordinator, String idempotencyKey,
                                                List<ServiceRefusal.FieldError> errors, String refusal);

        static native TemplateInstance importJob(ImportView job);

        static native TemplateInstance reviews(List<ReviewRow> reviews);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;

    RegisterPages(ServiceClient services, CurrentUser currentUser, Pages pages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
    }

    @GET
    public Response register() {
        return page(List.of(), false, List.of(), null, 200);
    }

    /** A search by name (any script: the register compares across them) or by service number, or both. */
    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response search(@FormParam("name") String name, @FormParam("serviceNumber") String serviceNumber) {
        StringBuilder query = new StringBuilder("/api/v1/missing-persons?size=" + Paging.SIZE);
        if (name != null && !name.isBlank()) {
            query.append("&name=").append(URLEncoder.encode(name.trim(), StandardCharsets.UTF_8));
        }
        if (serviceNumber != null && !serviceNumber.isBlank()) {
            query.append("&serviceNumber=").append(URLEncoder.encode(serviceNumber.trim(), StandardCharsets.UTF_8));
        }
        List<PersonRow> found = new ArrayList<>();
        services.get(Service.IDENTIFICATION, query.toString(), currentUser.get()).path("items")
                .forEach(p -> found.add(personRow(p)));
        return page(found, true, List.of(), null, 200);
    }

    /** Reports as a CSV file; refused whole with every row and field at fault, else linked in the background. */
    @POST
    @Path("/imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("reports") FileUpload reports, @RestForm("idempotencyKey") String idempotencyKey) {
        if (reports == null || reports.size() == 0) {
            return page(List.of(), false, List.of(new ServiceRefusal.FieldError("reports", "choose a CSV file")),
                    null, 400);
        }
        byte[] csv;
        try {
            csv = Files.readAllBytes(reports.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode job;
        try {
            job = services.sendBytes(Service.IDENTIFICATION, "POST", "/api/v1/missing-persons/imports",
                    "text/csv; charset=UTF-8", csv, Ids.idempotencyKey(idempotencyKey), currentUser.get());
        } catch (ServiceRefusal refusal) {
            if (refusal.status() == 400 || refusal.status() == 422) {
                return page(List.of(), false, refusal.errors(), refusal.detail() == null ? refusal.title()
                        : refusal.detail(), refusal.status());
            }
            throw refusal;
        }
        return Response.seeOther(URI.create("/register/imports/" + Ids.uuid(job.path("id").asText(), "id"))).build();
    }

    /** An import's progress; while it runs, the page's progress part asks again every two seconds (htmx). */
    @GET
    @Path("/imports/{id}")
    public TemplateInstance importJob(@PathParam("id") UUID id) {
        return pages.localised(Templates.importJob(importView(
                services.get(Service.IDENTIFICATION, "/api/v1/missing-persons/imports/" + id, currentUser.get()))));
    }

    @GET
    @Path("/reviews")
    public Response reviews() {
        List<ReviewRow> reviews = new ArrayList<>();
        services.get(Service.IDENTIFICATION, "/api/v1/missing-persons/reviews?status=OPEN&size=" + Paging.SIZE,
                currentUser.get()).path("items").forEach(r -> {
                    List<String> reasons = new ArrayList<>();
                    r.path("reasons").forEach(reason -> reasons.add(reason.asText()));
                    String candidateId = Json.text(r, "candidateId");
                    reviews.add(new ReviewRow(r.path("id").asText(), candidateId, r.path("outcome").asText(),
                            String.join("; ", reasons), r.path("party").asText(), person(Json.text(r, "entryId")),
                            person(candidateId)));
                });
        return Response.ok(pages.localised(Templates.reviews(reviews))).header("Cache-Control", "no-store").build();
    }

    /** Merge the new report into the register entry it resembles, or keep the two apart. */
    @POST
    @Path("/reviews/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @FormParam("decision") String decision,
                           @FormParam("candidateId") String candidateId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        body.put("candidateId", candidateId == null || candidateId.isBlank() ? null : Ids.uuid(candidateId, "candidateId"));
        services.send(Service.IDENTIFICATION, "POST", "/api/v1/missing-persons/reviews/" + id + "/decision", body,
                Map.of(), currentUser.get());
        return Response.seeOther(URI.create("/register/reviews")).build();
    }

    /** A register entry as the examiner may read it (an audited read of the service), or null. */
    private PersonRow person(String id) {
        if (id == null) {
            return null;
        }
        return personRow(services.get(Service.IDENTIFICATION, "/api/v1/missing-persons/" + Ids.uuid(id, "id"),
                currentUser.get()));
    }

    private static PersonRow personRow(JsonNode p) {
        return new PersonRow(Json.text(p, "surname"), Json.text(p, "firstNames"), Json.text(p, "patronymic"),
                Json.text(p, "dateOfBirth"), Json.text(p, "serviceNumber"), Json.text(p, "party"), Json.text(p, "status"));
    }

    private Response page(List<PersonRow> found, boolean searched, List<ServiceRefusal.FieldError> errors, String refusal,
                          int status) {
        ConsoleUser user = currentUser.get();
        boolean coordinator = user.has("coordinator");
        List<ImportView> failed = new ArrayList<>();
        if (coordinator) {
            services.get(Service.IDENTIFICATION, "/api/v1/missing-persons/imports?status=FAILED", user).path("items")
                    .forEach(job -> failed.add(importView(job)));
        }
        TemplateInstance body = pages.localised(Templates.register(found, searched, failed, coordinator,
                UUID.randomUUID().toString(), errors, refusal));
        return Response.status(status).entity(body).type(MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store")
                .build();
    }

    private static ImportView importView(JsonNode job) {
        return new ImportView(job.path("id").asText(), job.path("status").asText(), job.path("totalRows").asInt(),
                job.path("processedRows").asInt(), job.path("matched").asInt(), job.path("toReview").asInt(),
                job.path("newEntries").asInt());
    }
}
