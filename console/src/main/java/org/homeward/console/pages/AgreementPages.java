package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.homeward.console.charts.WeeklyChart;
import org.homeward.console.i18n.Languages;
import org.homeward.console.services.Service;
import org.homeward.console.services.ServiceClient;
import org.homeward.console.signin.ConsoleUser;
import org.homeward.console.signin.CurrentUser;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Agreements: the list, and one agreement with its terms, the fulfilment ledger as a chart and the balances. */
@Path("/agreements")
@Produces(MediaType.TEXT_HTML)
public class AgreementPages {

    public record AgreementRow(String id, String reference, String title, String status, String concludedOn, String parties) {
    }

    /** {@code exchange}: an all-for-all term's list, counted from the detaining party's records; else null. */
    public record TermRow(String kind, String direction, String category, String committed, String received,
                          String remaining, String percent, boolean fulfilled, boolean overdue, Exchange exchange) {
    }

    public record Exchange(String eligible, String released, String declined, String died, String remaining,
                           boolean complete) {
    }

    public record BalanceRow(String ratio, String received, String reciprocalReceived, String balance, int tolerance,
                             boolean outOfTolerance) {
    }

    /** The agreement's head; the reference and title are null for observers, who may read only the counts. */
    public record AgreementHead(String id, String reference, String title, String status) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<AgreementRow> agreements, Paging paging);

        static native TemplateInstance agreement(AgreementHead agreement, List<TermRow> terms, List<BalanceRow> balances,
                                                 WeeklyChart chart);
    }

    private final ServiceClient services;
    private final CurrentUser currentUser;
    private final Pages pages;
    private final Languages languages;

    AgreementPages(ServiceClient services, CurrentUser currentUser, Pages pages, Languages languages) {
        this.services = services;
        this.currentUser = currentUser;
        this.pages = pages;
        this.languages = languages;
    }

    @GET
    public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
        JsonNode found = services.get(Service.AGREEMENT, "/api/v1/agreements?page=" + Math.max(0, page) + "&size=" + Paging.SIZE,
                currentUser.get());
        List<AgreementRow> rows = new ArrayList<>();
        found.path("items").forEach(a -> {
            List<String> parties = new ArrayList<>();
            a.path("parties").forEach(p -> parties.add(p.path("code").asText(p.asText())));
            rows.add(new AgreementRow(a.path("id").asText(), a.path("reference").asText(), a.path("title").asText(),
                    a.path("status").asText(), a.path("concludedOn").asText(""), String.join(", ", parties)));
        });
        return pages.localised(Templates.list(rows, Paging.of(found)));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance agreement(@PathParam("id") UUID id) {
        ConsoleUser user = currentUser.get();
        JsonNode fulfilment = services.get(Service.AGREEMENT,
                "/api/v1/agreements/" + id + "/fulfilment?groupBy=WEEK", user);
        // Observers read the counts of any agreement past its draft, but not the agreement itself.
        AgreementHead head = new AgreementHead(id.toString(), null, null, null);
        if (user.has("coordinator") || user.has("mediator") || user.has("intermediary")) {
            JsonNode agreement = services.get(Service.AGREEMENT, "/api/v1/agreements/" + id, user);
            head = new AgreementHead(id.toString(), agreement.path("reference").asText(), agreement.path("title").asText(),
                    agreement.path("status").asText());
        }
        // Counts as the person's language writes them: 4,812 in English, 4 812 in Ukrainian and Russian.
        NumberFormat counts = NumberFormat.getIntegerInstance(languages.locale());
        NumberFormat percent = NumberFormat.getPercentInstance(languages.locale());
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        List<TermRow> terms = new ArrayList<>();
        fulfilment.path("terms").forEach(t -> terms.add(new TermRow(t.path("kind").asText(), Json.direction(t),
                category(t), count(t.path("committed"), counts), count(t.path("received"), counts),
                count(t.path("remaining"), counts),
                t.path("percent").isNumber() ? percent.format(t.path("percent").asDouble() / 100) : "–",
                t.path("fulfilled").asBoolean(), t.path("overdue").asBoolean(), exchange(t.path("exchange"), counts))));
        List<BalanceRow> balances = new ArrayList<>();
        fulfilment.path("balances").forEach(b -> balances.add(new BalanceRow(b.path("ratio").asText(),
                count(b.path("received"), counts), count(b.path("reciprocalReceived"), counts),
                (b.path("balance").asDouble() > 0 ? "+" : "") + counts.format(Math.round(b.path("balance").asDouble())), b.path("tolerance").asInt(),
                b.path("outOfTolerance").asBoolean())));
        List<WeeklyChart.Received> received = new ArrayList<>();
        fulfilment.path("period").path("groups").forEach(g -> received.add(new WeeklyChart.Received(
                g.path("period").asText(), Json.direction(g), g.path("received").asLong())));
        return pages.localised(Templates.agreement(head, terms, balances, WeeklyChart.of(received, counts::format)));
    }

    private static Exchange exchange(JsonNode exchange, NumberFormat counts) {
        if (!exchange.isObject()) {
            return null;
        }
        return new Exchange(count(exchange.path("eligibleHeld"), counts), count(exchange.path("released"), counts),
                count(exchange.path("declined"), counts), count(exchange.path("died"), counts),
                count(exchange.path("remaining"), counts), exchange.path("complete").asBoolean());
    }

    private static String count(JsonNode value, NumberFormat format) {
        return value.isNumber() ? format.format(value.asLong()) : "–";
    }


    private static String category(JsonNode term) {
        String custom = term.path("customCategory").asText("");
        return !custom.isEmpty() ? custom : term.path("category").isTextual() ? term.path("category").asText() : "";
    }
}
