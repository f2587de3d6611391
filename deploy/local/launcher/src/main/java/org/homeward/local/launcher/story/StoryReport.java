package org.homeward.local.launcher.story;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the four services say once the story has played, each from its own API. */
public record StoryReport(String agreementId, List<String> transferIds, List<Term> terms, List<Balance> balances,
                          List<WeekTotal> week, List<String> handoverStates, Map<String, Long> cases,
                          Map<String, Integer> prisonerChecks, Brothers brothers, BeyondDna beyondDna,
                          SignedWebhookSubscriber.Tally webhooks, Duration took) {

    /**
     * What was done beyond DNA: bodies identified by odontology and by fingerprints, the individuals one bag was split
     * into, and the fragments joined to their body.
     */
    public record BeyondDna(int byOdontology, int byFingerprints, int splitInto, int joined) {
    }

    /** Brothers missing from one family: how many remains were linked to the family, and how many named. */
    public record Brothers(int missing, int remainsLinkedToTheFamily, int undisputed) {
    }

    /**
     * A term's progress from agreement-service's ledger; {@code committed} and {@code percent} null for all-for-all;
     * {@code exchange} the term's exchange list, null without one.
     */
    public record Term(String kind, String from, String to, String category, Integer committed, long received,
                       Double percent, boolean fulfilled, Exchange exchange) {
    }

    /** Where an exchange list stands: eligible prisoners held on the reference date, and what became of them. */
    public record Exchange(long eligible, long released, long declined, long died, long remaining, Boolean complete) {
    }

    public record Balance(String direction, long received, long reciprocalReceived, double balance, boolean outOfTolerance) {
    }

    /** transfer-service's receipts in one ISO week, per direction and kind, beside what the manifests claimed. */
    public record WeekTotal(String period, String from, String to, String kind, int transfers, int claimed, int received) {
    }

    static StoryReport of(String agreementId, List<String> transferIds, JsonNode fulfilment, List<JsonNode> week,
                          List<String> states, JsonNode caseStatistics, Map<String, Integer> checks, Brothers brothers,
                          BeyondDna beyondDna, SignedWebhookSubscriber.Tally webhooks, Duration took) {
        List<Term> terms = new ArrayList<>();
        Map<String, String> directionOfTerm = new LinkedHashMap<>();
        for (JsonNode t : fulfilment.path("terms")) {
            terms.add(new Term(t.path("kind").asText(), t.path("fromParty").asText(), t.path("toParty").asText(),
                    t.path("category").isNull() ? null : t.path("category").asText(),
                    t.path("committed").isNull() ? null : t.path("committed").asInt(), t.path("received").asLong(),
                    t.path("percent").isNull() ? null : t.path("percent").asDouble(), t.path("fulfilled").asBoolean(),
                    exchange(t.path("exchange"))));
            directionOfTerm.put(t.path("termId").asText(), t.path("fromParty").asText() + "→" + t.path("toParty").asText());
        }
        List<Balance> balances = new ArrayList<>();
        for (JsonNode b : fulfilment.path("balances")) {
            balances.add(new Balance(directionOfTerm.get(b.path("termId").asText()), b.path("received").asLong(),
                    b.path("reciprocalReceived").asLong(), b.path("balance").asDouble(), b.path("outOfTolerance").asBoolean()));
        }
        List<WeekTotal> totals = week.stream().map(w -> new WeekTotal(w.path("period").asText(), w.path("fromParty").asText(),
                w.path("toParty").asText(), w.path("kind").asText(), w.path("transfers").asInt(), w.path("claimed").asInt(),
                w.path("received").asInt())).toList();
        Map<String, Long> cases = new LinkedHashMap<>();
        caseStatistics.path("counts").fields().forEachRemaining(e -> cases.put(e.getKey(), e.getValue().asLong()));
        return new StoryReport(agreementId, transferIds, terms, balances, totals, states, cases, checks, brothers,
                beyondDna, webhooks, took);
    }

    private static Exchange exchange(JsonNode e) {
        return e.isMissingNode() || e.isNull() ? null : new Exchange(e.path("eligibleHeld").asLong(),
                e.path("released").asLong(), e.path("declined").asLong(), e.path("died").asLong(),
                e.path("remaining").asLong(), e.path("complete").isNull() ? null : e.path("complete").asBoolean());
    }

    /** The ledger's line for a term of {@code kind} from one party to the other (and category, for prisoners). */
    public Term term(String kind, String from, String to, String category) {
        return terms.stream().filter(t -> t.kind().equals(kind) && t.from().equals(from) && t.to().equals(to)
                && (category == null || category.equals(t.category()))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No term " + kind + " " + from + "→" + to + " " + category));
    }

    /** The bodies the week's manifests of remains claimed, in the direction that received any. */
    public long remainsClaimed() {
        return week.stream().filter(w -> w.kind().equals("REMAINS")).mapToLong(WeekTotal::claimed).sum();
    }

    public void print(PrintStream out) {
        out.println();
        out.println("Summary (each figure read back from the services' APIs)");
        out.println();
        out.println("agreement-service: fulfilment per term and direction");
        for (Term t : terms) {
            String what = t.kind().equals("POW_EXCHANGE") ? "prisoners, " + t.category() : "bodies";
            String progress = t.committed() == null ? "%,d received (all for all)".formatted(t.received())
                    : "%,d of %,d received (%.1f%%)".formatted(t.received(), t.committed(), t.percent());
            Exchange e = t.exchange();
            if (e != null) {
                progress = "eligible %,d, released %,d, declined %,d, died %,d, remaining %,d%s".formatted(e.eligible(),
                        e.released(), e.declined(), e.died(), e.remaining(),
                        Boolean.TRUE.equals(e.complete()) ? ": complete" : Boolean.FALSE.equals(e.complete())
                                ? ": not complete" : "");
            }
            out.printf("  %s→%s  %-38s %s%s%n", t.from(), t.to(), what, progress, t.fulfilled() ? ", fulfilled" : "");
        }
        for (Balance b : balances) {
            out.printf("  balance %s: %,d received against %,d the other way: %+,.0f%s%n", b.direction(), b.received(),
                    b.reciprocalReceived(), b.balance(), b.outOfTolerance() ? "  ⚑ out of tolerance" : "");
        }
        out.println();
        out.println("transfer-service: received in ISO week 2025-W24 (9 to 15 June, dates in Kyiv time)");
        for (WeekTotal w : week) {
            out.printf("  %s  %s→%s  %-9s %d transfers, %,d claimed, %,d received%n", w.period(), w.from(), w.to(),
                    w.kind(), w.transfers(), w.claimed(), w.received());
        }
        out.println("  handovers of remains: " + String.join(", ", handoverStates));
        out.println();
        out.println("identification-service: cases of the agreement's bodies, by status");
        cases.forEach((status, count) -> out.printf("  %-20s %,d%n", status, count));
        out.printf("  bodies claimed %,d (the manifests), items received %,d, individuals established %,d%n",
                remainsClaimed(), cases.getOrDefault("received", 0L), cases.getOrDefault("individuals", 0L));
        out.printf("  identified before any DNA: %d by odontology, %d by fingerprints; one bag split into %d individuals,"
                + " %d fragment joined to its body%n", beyondDna.byOdontology(), beyondDna.byFingerprints(),
                beyondDna.splitInto(), beyondDna.joined());
        out.println("  identity checks of the prisoners who came home: " + prisonerChecks);
        out.printf("  %d brothers missing from one family: %d remains linked to the family, %d undisputed"
                + " (the parents cannot tell their sons apart)%n", brothers.missing(), brothers.remainsLinkedToTheFamily(),
                brothers.undisputed());
        out.println();
        out.println("notification-service: webhooks received by the subscriber (deduplicated by webhook-id)");
        webhooks.eventsByType().forEach((type, count) -> out.printf("  %-44s %,d%n", type, count));
        out.printf("  %,d events in %,d requests, %d duplicates, %d failed verification%n", webhooks.events(),
                webhooks.requests(), webhooks.duplicates(), webhooks.rejected());
        out.printf("%nPlayed in %d min %d s.%n", took.toMinutes(), took.toSecondsPart());
    }
}
