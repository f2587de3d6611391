package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.homeward.console.charts.BarList;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.homeward.console.i18n.Languages;
import org.homeward.console.i18n.Messages;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.signin.CurrentUser;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistics for everyone who may read them, observers too: cases by status and bodies received by the
 * nationality the sender claimed, for all the cases one may count or for one agreement. Counts only.
 */
@Path("/statistics")
@Produces(MediaType.TEXT_HTML)
public class StatisticsPages {

    /**
     * The API's counts: the items received and the individuals established among them (a bag split in two is two, a
     * fragment joined to its body none), then in the order a case moves through them.
     */
    static final List<String> STATUSES = List.of("received", "individuals", "awaitingExamination", "underExamination",
            "identified", "notANational", "unidentifiable", "withdrawn", "returned", "joined");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance statistics(String agreementId, BarList byStatus, BarList byNationality);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Languages languages;

    StatisticsPages(ServiceClient services, CurrentUser currentUser, Pages pages, Languages languages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
        this.languages = languages;
    }

    @GET
    public TemplateInstance statistics(@QueryParam("agreementId") String agreementId) {
        String agreement = agreementId == null || agreementId.isBlank() ? null : Ids.uuid(agreementId.trim(), "agreementId");
        JsonNode found = services.get(Service.IDENTIFICATION, "/api/v1/case-statistics"
                + (agreement == null ? "" : "?agreementId=" + agreement), currentUser.get());
        NumberFormat counts = NumberFormat.getIntegerInstance(languages.locale());
        Messages words = MessageBundles.get(Messages.class, Localized.Literal.of(languages.code()));
        List<BarList.Entry> byStatus = new ArrayList<>();
        STATUSES.forEach(status -> byStatus.add(new BarList.Entry(words.caseCount(status),
                found.path("counts").path(status).asLong())));
        List<BarList.Entry> byNationality = new ArrayList<>();
        found.path("receivedByClaimedNationality").fields().forEachRemaining(e ->
                byNationality.add(new BarList.Entry(e.getKey(), e.getValue().asLong())));
        return pages.localised(Templates.statistics(agreement, BarList.of(byStatus, counts::format),
                BarList.of(byNationality, counts::format)));
    }
}
