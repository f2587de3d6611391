package org.homeward.local.launcher.story;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The story that started Homeward, played through the public APIs only: the Istanbul agreement of 2 June 2025,
 * an all-for-all exchange of prisoners with the identity check of everyone who comes home, four handovers of
 * remains (1,215, 1,200, 1,200 and 1,200 bodies claimed; 3 of the first missing at reconciliation), a case
 * per body, identifications by dental charts and fingerprints before any DNA, a bag split into two persons and a
 * fragment joined to its body, and DNA identifications of some of them against their families, each confirmed by
 * two examiners; a subscriber verifies every webhook it receives. Ends with what every service says about it.
 */
public final class SeedStory {

    /** The four handovers of remains: day of June 2025, bodies on the manifest, bodies missing on arrival. */
    public record Handover(int day, int claimed, int missing) {
    }

    public static final List<Handover> HANDOVERS = List.of(new Handover(11, 1215, 3), new Handover(13, 1200, 0),
            new Handover(14, 1200, 0), new Handover(15, 1200, 0));
    /** The Ukrainians RU holds who were aged 18 to 25 on the reference date, and the seriously wounded among the rest. */
    public static final int YOUNG_UA = 200;
    public static final int WOUNDED_UA = 60;
    /** The Russians UA holds, likewise. */
    public static final int YOUNG_RU = 120;
    public static final int WOUNDED_RU = 40;
    /** Ukrainians RU released in an exchange before these records: UA's requests still name them. */
    public static final int EXCHANGED_BEFORE = 10;
    /** Of UA's requests for the young: day and month swapped, then in Latin letters, then as RU writes them. */
    public static final int SWAPPED_DATES = 15;
    static final int REQUESTED_AS_WRITTEN_FROM = 35;
    public static final int CIVILIANS_REQUESTED = 5;
    public static final int NOT_HELD_REQUESTED = 25;
    /** Who declines repatriation (GC III Art. 109), and the wounded the ICRC does not reach before the day. */
    public static final int DECLINED_UA = 3;
    public static final int DECLINED_RU = 2;
    public static final int UNVERIFIED_WOUNDED_UA = 2;
    /** Of the Ukrainians coming home, these were reported captured to UA's register; a few without service number. */
    public static final int REPORTED_CAPTURED = 30;
    public static final int PRISONERS_WITHOUT_SERVICE_NUMBER = 2;
    /** Bodies of the first handover identified by dental charts or fingerprints, before any DNA. */
    public static final int IDENTIFIED_BEYOND_DNA = BeyondDna.BY_ODONTOLOGY + BeyondDna.BY_FINGERPRINTS;
    /** Bodies of the first handover whose families gave reference samples. */
    public static final int DNA_IDENTIFICATIONS = 8;
    /** Two brothers missing from one family, whose remains are among the first handover's bodies. */
    public static final int BROTHERS = 2;

    private final HomewardApi api;
    private final PrintStream out;
    private final SyntheticFamilies families;
    private final String run;
    private final Tokens tokens;

    /** The roles the story plays, one token each. */
    private record Tokens(String ua, String ru, String icrc, String press, String labA, String labB, String uaSubscriptions) {
        static Tokens of(HomewardApi api) {
            return new Tokens(api.token("story-ua-coordinator", "org-ua-coordination", "UA", "coordinator"),
                    api.token("story-ru-coordinator", "org-ru-coordination", "RU", "coordinator"),
                    api.token("story-icrc", "org-icrc", null, "intermediary"),
                    api.token("story-press", "org-press", null, "observer"),
                    api.token("examiner-hnatiuk", "lab-ua-kyiv", "UA", "forensic-examiner"),
                    api.token("examiner-melnyk", "lab-ua-kyiv", "UA", "forensic-examiner"),
                    api.token("story-ua-subscriptions", "org-ua-coordination", "UA", "subscriber-admin", "coordinator"));
        }
    }

    /**
     * {@code run}: a short distinct label (references, idempotency keys and service numbers carry it, so the
     * story can be played again on the same platform); {@code repositoryRoot}: to find the frequency table.
     */
    public SeedStory(HomewardApi api, PrintStream out, Path repositoryRoot, String run) {
        this.api = api;
        this.out = out;
        this.run = run;
        this.tokens = Tokens.of(api);
        this.families = new SyntheticFamilies(SyntheticFamilies.bundledTable(repositoryRoot), run.hashCode());
    }

    /** Plays the story with {@code subscriber} subscribed for the UA coordination body; returns the summary. */
    public StoryReport play(SignedWebhookSubscriber subscriber) {
        Instant started = Instant.now();
        String subscription = subscribe(subscriber);
        try {
            Agreement agreement = agreeInIstanbul();
            List<String> released = exchangePrisoners(agreement);
            List<String> transfers = new ArrayList<>();
            for (int i = 0; i < HANDOVERS.size(); i++) {
                transfers.add(handOverRemains(agreement, i, HANDOVERS.get(i)));
            }
            int expectedCases = HANDOVERS.stream().mapToInt(h -> h.claimed() - h.missing()).sum();
            awaitProgress("cases opened by identification-service", expectedCases, Duration.ofMinutes(10), () ->
                    api.read("identification", "/api/v1/case-statistics?agreementId=" + agreement.id(), tokens.press())
                            .path("counts").path("received").asLong());
            BeyondDna.Outcome beyondDna = new BeyondDna(api, out, run, tokens.ua(), tokens.labA(), tokens.labB())
                    .play(transfers.get(0), transfers.get(1), StoryPeople.missingWithRecords(run, IDENTIFIED_BEYOND_DNA),
                            DNA_IDENTIFICATIONS + BROTHERS);
            identifyByDna(transfers.get(0));
            StoryReport.Brothers brothers = brothersOfOneFamily(transfers.get(0));
            // One case more than items: the bag split in two opened a case for its second person.
            awaitProgress("case webhooks delivered to the subscriber", expectedCases + 1, Duration.ofMinutes(10), () ->
                    subscriber.tally().eventsByType().getOrDefault("identification.case.opened", 0));
            awaitProgress("identification webhooks delivered", IDENTIFIED_BEYOND_DNA + DNA_IDENTIFICATIONS,
                    Duration.ofMinutes(3), () ->
                    subscriber.tally().eventsByType().getOrDefault("identification.identification.confirmed", 0));
            return summarise(agreement, released, transfers, brothers, beyondDna, subscriber,
                    Duration.between(started, Instant.now()));
        } finally {
            api.send("notification", "DELETE", "/api/v1/subscriptions/" + subscription, tokens.uaSubscriptions(),
                    null, null, Map.of());
        }
    }

    /** Subscribes {@code subscriber} for the UA coordination body to every public event; returns the subscription id. */
    public String subscribe(SignedWebhookSubscriber subscriber) {
        JsonNode created = api.write(201, "notification", "POST", "/api/v1/subscriptions", tokens.uaSubscriptions(), Map.of(
                "url", subscriber.url(), "eventTypes", List.of("agreement.*", "transfer.*", "identification.*"),
                // A case system that takes a burst: the default (10 requests a second) would spread the week's
                // 4,812 case events over eight minutes.
                "rateLimitPerSecond", 1000, "description", "Homeward seed story " + run));
        subscriber.trust(created.path("secret").asText());
        step("Subscribed %s to agreement.*, transfer.* and identification.* for org-ua-coordination", subscriber.url());
        return created.path("id").asText();
    }

    /** The agreement's id and its terms' ids by key (direction and category). */
    public record Agreement(String id, Map<String, String> terms) {
    }

    /** The Istanbul agreement drafted, signed by both parties, and active in transfer-service. */
    public Agreement agreeInIstanbul() {
        List<Map<String, Object>> terms = new ArrayList<>();
        for (String category : List.of("SERIOUSLY_WOUNDED_OR_SICK", "AGED_18_TO_25")) {
            terms.add(Map.of("kind", "POW_EXCHANGE", "fromParty", "UA", "toParty", "RU", "basis", "ALL_FOR_ALL", "category", category));
            terms.add(Map.of("kind", "POW_EXCHANGE", "fromParty", "RU", "toParty", "UA", "basis", "ALL_FOR_ALL", "category", category));
        }
        terms.add(Map.of("key", "ru-ua", "kind", "REMAINS_REPATRIATION", "fromParty", "RU", "toParty", "UA", "basis", "N_FOR_N",
                "quantity", 6000, "reciprocal", "ua-ru", "ratio", 1, "reciprocalRatio", 1, "tolerance", 0));
        terms.add(Map.of("key", "ua-ru", "kind", "REMAINS_REPATRIATION", "fromParty", "UA", "toParty", "RU", "basis", "N_FOR_N",
                "quantity", 6000, "reciprocal", "ru-ua", "ratio", 1, "reciprocalRatio", 1, "tolerance", 0));
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("reference", "IST-2025-06-02-" + run);
        draft.put("title", "Istanbul exchange of 2 June 2025");
        draft.put("concludedOn", "2025-06-02");
        draft.put("venue", "Istanbul");
        draft.put("effectiveDate", "2025-06-07");
        draft.put("parties", List.of(Map.of("code", "UA", "name", "Ukraine"), Map.of("code", "RU", "name", "Russia")));
        draft.put("mediators", List.of("org-tr-mfa"));
        draft.put("intermediaries", List.of("org-icrc"));
        draft.put("terms", terms);
        JsonNode agreement = api.write(201, "agreement", "POST", "/api/v1/agreements", tokens.ua(), draft,
                Map.of("Idempotency-Key", "istanbul-" + run));
        String id = agreement.path("id").asText();
        api.write(200, "agreement", "POST", "/api/v1/agreements/" + id + "/signatures", tokens.ua(),
                Map.of("signatoryName", "A. Signatory", "signatoryTitle", "Head of delegation"));
        JsonNode signed = api.write(200, "agreement", "POST", "/api/v1/agreements/" + id + "/signatures", tokens.ru(),
                Map.of("signatoryName", "B. Signatory", "signatoryTitle", "Head of delegation"));
        Map<String, String> termIds = new LinkedHashMap<>();
        for (JsonNode term : signed.path("terms")) {
            String key = term.path("fromParty").asText() + ">" + term.path("toParty").asText() + ":"
                    + (term.path("kind").asText().equals("POW_EXCHANGE") ? term.path("category").asText() : "REMAINS");
            termIds.put(key, term.path("id").asText());
        }
        step("Agreement %s drafted by UA, signed by UA and RU: %s, %d terms", draft.get("reference"),
                signed.path("status").asText(), termIds.size());
        awaitProgress("transfer-service has the agreement as ACTIVE", 1, Duration.ofMinutes(2), () -> {
            HomewardApi.Answer view = api.get("transfer", "/api/v1/agreement-views/" + id, tokens.ru());
            return view.status() == 200 && view.body().contains("\"ACTIVE\"") ? 1 : 0;
        });
        return new Agreement(id, termIds);
    }

    /**
     * The exchange of 10 June, negotiated on the four all-for-all terms' lists. Each side records the prisoners it
     * holds; RU offers the 200 young and 60 seriously wounded Ukrainians it holds, UA the 120 and 40 Russians; UA
     * requests 240 persons for the young as its records know them (165 as RU writes them, 20 in Latin letters, 15 with
     * day and month swapped, 10 already exchanged, 5 civilians, 25 not held); RU answers the civilians and those it does
     * not hold; round 2 settles the swapped dates as probable matches; the ICRC verifies each offered prisoner (3 young
     * Ukrainians and 2 young Russians decline repatriation, 2 wounded Ukrainians are not reached before the day); the
     * verified go over on one transfer each way, built from the lists. UA's register had 30 of those coming home
     * reported captured (2 without service number): each is checked on arrival, and a coordinator decides the uncertain.
     */
    private List<String> exchangePrisoners(Agreement agreement) {
        List<StoryPeople.Prisoner> ukrainians = StoryPeople.held(run, "UA", YOUNG_UA, WOUNDED_UA, 1500 - YOUNG_UA - WOUNDED_UA,
                EXCHANGED_BEFORE, SWAPPED_DATES);
        List<StoryPeople.Prisoner> russians = StoryPeople.held(run, "RU", YOUNG_RU, WOUNDED_RU, 1000 - YOUNG_RU - WOUNDED_RU,
                0, 0);
        Map<String, String> ruHolds = recordHeld(tokens.ru(), ukrainians, "UA");
        Map<String, String> uaHolds = recordHeld(tokens.ua(), russians, "RU");
        step("Prisoners held: RU records %,d Ukrainians (%d released in an earlier exchange), UA %,d Russians;"
                + " commission findings for %d and %d seriously wounded", ruHolds.size() - EXCHANGED_BEFORE,
                EXCHANGED_BEFORE, uaHolds.size(), WOUNDED_UA, WOUNDED_RU);
        List<StoryPeople.Prisoner> reported = ukrainians.subList(REQUESTED_AS_WRITTEN_FROM, REQUESTED_AS_WRITTEN_FROM
                + REPORTED_CAPTURED);
        for (int i = 0; i < reported.size(); i++) {
            api.write(201, "identification", "POST", "/api/v1/missing-persons", tokens.ua(),
                    StoryPeople.captureReport(reported.get(i), i >= PRISONERS_WITHOUT_SERVICE_NUMBER),
                    Map.of("Idempotency-Key", "capture-" + run + "-" + i));
        }
        step("UA's register: %d of them reported captured (%d without a service number)", REPORTED_CAPTURED,
                PRISONERS_WITHOUT_SERVICE_NUMBER);

        ExchangeList ruYoung = offer(agreement, "RU>UA:AGED_18_TO_25", tokens.ru(), ukrainians, "YOUNG", ruHolds);
        ExchangeList ruWounded = offer(agreement, "RU>UA:SERIOUSLY_WOUNDED_OR_SICK", tokens.ru(), ukrainians, "WOUNDED", ruHolds);
        ExchangeList uaYoung = offer(agreement, "UA>RU:AGED_18_TO_25", tokens.ua(), russians, "YOUNG", uaHolds);
        ExchangeList uaWounded = offer(agreement, "UA>RU:SERIOUSLY_WOUNDED_OR_SICK", tokens.ua(), russians, "WOUNDED", uaHolds);
        requestTheYoung(ruYoung, ukrainians);

        verify(ruYoung, DECLINED_UA, 0);
        verify(ruWounded, 0, UNVERIFIED_WOUNDED_UA);
        verify(uaYoung, DECLINED_RU, 0);
        verify(uaWounded, 0, 0);
        step("ICRC verifications: RU's young %d verified, %d decline repatriation; RU's wounded %d verified, %d not"
                        + " reached before the day; UA's young %d verified, %d decline; UA's wounded %d verified",
                YOUNG_UA - DECLINED_UA, DECLINED_UA, WOUNDED_UA - UNVERIFIED_WOUNDED_UA, UNVERIFIED_WOUNDED_UA,
                YOUNG_RU - DECLINED_RU, DECLINED_RU, WOUNDED_RU);

        String home = exchange(agreement, "RU", "UA", List.of(ruYoung, ruWounded), "POW-RU-" + run);
        String back = exchange(agreement, "UA", "RU", List.of(uaYoung, uaWounded), "POW-UA-" + run);
        awaitProgress("identity checks of the Ukrainians who came home", YOUNG_UA - DECLINED_UA + WOUNDED_UA
                - UNVERIFIED_WOUNDED_UA, Duration.ofMinutes(3), () -> prisonerChecks(home).size());
        List<JsonNode> waiting = prisonerChecks(home).stream()
                .filter(check -> "AWAITING_DECISION".equals(check.path("status").asText())).toList();
        for (JsonNode check : waiting) {
            api.write(200, "identification", "POST", "/api/v1/prisoner-checks/" + check.path("id").asText() + "/decision",
                    tokens.ua(), Map.of("samePerson", true));
        }
        Map<String, Integer> outcomes = new TreeMap<>();
        waiting.forEach(check -> outcomes.merge(check.path("outcome").asText(), 1, Integer::sum));
        step("Identity checks against UA's register: %d awaited a coordinator's decision (%s), decided as the same"
                + " person; the others are in the register or are not (most soldiers are not reported missing)",
                waiting.size(), outcomes);
        awaitProgress("the ledger's count of prisoners released on the four lists", YOUNG_UA - DECLINED_UA + WOUNDED_UA
                        - UNVERIFIED_WOUNDED_UA + YOUNG_RU - DECLINED_RU + WOUNDED_RU, Duration.ofMinutes(2),
                () -> api.read("agreement", "/api/v1/agreements/" + agreement.id() + "/fulfilment", tokens.press())
                        .path("terms").findValues("exchange").stream()
                        .mapToLong(e -> e.path("released").asLong()).sum());
        return List.of(home, back);
    }

    /** A term's exchange list and, by service number, the entries of the prisoners offered on it. */
    private record ExchangeList(String id, String term, String detainingToken, List<StoryPeople.Prisoner> offered,
                                Map<String, String> offerOf) {
    }

    /** The detaining party records the prisoners it holds (one import) and the commission's findings; ids by number. */
    private Map<String, String> recordHeld(String token, List<StoryPeople.Prisoner> prisoners, String origin) {
        HomewardApi.Answer imported = api.send("transfer", "POST", "/api/v1/prisoners/imports", token,
                "text/csv; charset=UTF-8", StoryPeople.heldImport(prisoners, origin),
                Map.of("Idempotency-Key", "held-" + origin + "-" + run));
        if (imported.status() != 201) {
            throw new IllegalStateException("Import refused (" + imported.status() + "): " + imported.body());
        }
        Map<String, String> ids = new LinkedHashMap<>();
        for (String status : List.of("HELD", "RELEASED")) {
            for (int page = 0; ; page++) {
                JsonNode items = api.read("transfer", "/api/v1/prisoners?status=" + status + "&size=100&page=" + page,
                        token).path("items");
                items.forEach(p -> ids.put(p.path("serviceNumber").asText(), p.path("id").asText()));
                if (items.size() < 100) {
                    break;
                }
            }
        }
        for (StoryPeople.Prisoner p : prisoners) {
            if (p.group().equals("WOUNDED")) {
                api.write(201, "transfer", "POST", "/api/v1/prisoners/" + ids.get(p.serviceNumber()) + "/medical-findings",
                        token, Map.of("seriouslyWoundedOrSick", true, "decidedOn", "2025-06-01",
                                "commissionReference", "MMC-2025-" + origin), Map.of("Idempotency-Key", "mmc-" + ids.get(p.serviceNumber())));
            }
        }
        return ids;
    }

    /** The detaining party opens the term's list and offers the prisoners of {@code group} it holds. */
    private ExchangeList offer(Agreement agreement, String termKey, String token, List<StoryPeople.Prisoner> held,
                               String group, Map<String, String> ids) {
        String term = agreement.terms().get(termKey);
        // 201 when this call opened it, 200 when the other party had.
        HomewardApi.Answer opened = api.send("transfer", "POST", "/api/v1/exchange-lists", token, "application/json",
                HomewardApi.json().valueToTree(Map.of("agreementId", agreement.id(), "termId", term)).toString(), Map.of());
        if (opened.status() != 201 && opened.status() != 200) {
            throw new IllegalStateException("The list of " + termKey + " was not opened (" + opened.status() + "): "
                    + opened.body());
        }
        String list = opened.json().path("id").asText();
        List<StoryPeople.Prisoner> offered = held.stream().filter(p -> p.group().equals(group)).toList();
        api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list + "/offers", token,
                Map.of("prisonerIds", offered.stream().map(p -> ids.get(p.serviceNumber())).toList()));
        Map<String, String> offerOf = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.read("transfer", "/api/v1/exchange-lists/" + list + "/entries?kind=OFFER&size=100&page="
                    + page, token).path("items");
            items.forEach(e -> offerOf.put(e.path("serviceNumber").asText(), e.path("id").asText()));
            if (items.size() < 100) {
                break;
            }
        }
        step("%s offers %d prisoners on the list of %s", termKey.substring(0, 2), offered.size(), termKey);
        return new ExchangeList(list, term, token, offered, offerOf);
    }

    /**
     * UA asks for the young as its records know them; RU answers what it cannot offer; round 2 settles the swapped
     * dates of birth as probable matches.
     */
    private void requestTheYoung(ExchangeList list, List<StoryPeople.Prisoner> ukrainians) {
        List<Map<String, Object>> requests = new ArrayList<>();
        List<StoryPeople.Prisoner> young = list.offered();
        for (int i = 0; i < young.size(); i++) {
            StoryPeople.Prisoner p = young.get(i);
            boolean latin = i >= SWAPPED_DATES && i < REQUESTED_AS_WRITTEN_FROM;
            LocalDate born = i < SWAPPED_DATES
                    ? LocalDate.of(p.dateOfBirth().getYear(), p.dateOfBirth().getDayOfMonth(), p.dateOfBirth().getMonthValue())
                    : p.dateOfBirth();
            requests.add(request(latin ? p.latinSurname() : p.surname(), latin ? p.latinFirstNames() : p.firstNames(),
                    latin ? "Latn" : "Cyrl", born, p.serviceNumber()));
        }
        ukrainians.stream().filter(p -> p.group().equals("RELEASED"))
                .forEach(p -> requests.add(request(p.surname(), p.firstNames(), "Cyrl", p.dateOfBirth(), p.serviceNumber())));
        for (int i = 0; i < CIVILIANS_REQUESTED + NOT_HELD_REQUESTED; i++) {
            requests.add(request(StoryPeople.surnameOf(i), "Степан", "Cyrl", LocalDate.of(1995, 1, 1).plusDays(17L * i),
                    "ЗСУ-" + run + "-ask-" + i));
        }
        JsonNode asked = api.write(201, "transfer", "POST", "/api/v1/exchange-lists/" + list.id() + "/requests",
                tokens.ua(), Map.of("requests", requests), Map.of("Idempotency-Key", "requests-" + run));
        Map<String, Integer> byStatus = new TreeMap<>();
        asked.forEach(entry -> byStatus.merge(entry.path("status").asText(), 1, Integer::sum));
        step("UA requests %d persons for the young: %s", requests.size(), byStatus);
        int first = young.size() + EXCHANGED_BEFORE;
        for (int i = 0; i < CIVILIANS_REQUESTED + NOT_HELD_REQUESTED; i++) {
            boolean civilian = i < CIVILIANS_REQUESTED;
            api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list.id() + "/entries/"
                    + asked.get(first + i).path("id").asText() + "/answer", tokens.ru(), Map.of("status",
                    civilian ? "CIVILIAN" : "NOT_HELD", "reason", civilian ? "A civilian, not a prisoner of war"
                            : "Not in the records of the National Information Bureau"));
        }
        api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list.id() + "/rounds", tokens.ru(), Map.of());
        JsonNode reviews = api.read("transfer", "/api/v1/exchange-lists/" + list.id() + "/match-reviews", tokens.ru());
        for (JsonNode review : reviews) {
            api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list.id() + "/match-reviews/"
                    + review.path("id").asText() + "/decision", tokens.ru(), Map.of("decision", "CONFIRM"));
        }
        step("RU answers %d civilians and %d not held; round 2: %d probable matches (day and month swapped) confirmed",
                CIVILIANS_REQUESTED, NOT_HELD_REQUESTED, reviews.size());
    }

    private static Map<String, Object> request(String surname, String firstNames, String script, LocalDate born,
                                               String serviceNumber) {
        return Map.of("surname", surname, "firstNames", firstNames, "script", script, "dateOfBirth", born.toString(),
                "serviceNumber", serviceNumber);
    }

    /** The ICRC verifies the offered: the first {@code declining} decline repatriation, the last {@code unreached} wait. */
    private void verify(ExchangeList list, int declining, int unreached) {
        List<StoryPeople.Prisoner> offered = list.offered();
        for (int i = 0; i < offered.size() - unreached; i++) {
            boolean declines = i >= offered.size() - unreached - declining;
            api.write(200, "transfer", "POST", "/api/v1/exchange-lists/" + list.id() + "/entries/"
                    + list.offerOf().get(offered.get(i).serviceNumber()) + "/verification", tokens.icrc(),
                    Map.of("decision", declines ? "DECLINES_REPATRIATION" : "VERIFIED",
                            "reason", declines ? "Declines repatriation, in a private interview" : "Identity and free will confirmed"));
        }
    }

    /** One handover each way on 10 June: the verified of both lists on one manifest, built from the lists. */
    private String exchange(Agreement agreement, String from, String to, List<ExchangeList> lists, String tagPrefix) {
        List<StoryPeople.Prisoner> going = new ArrayList<>();
        List<Map<String, Object>> perTerm = new ArrayList<>();
        for (ExchangeList list : lists) {
            List<String> verified = new ArrayList<>();
            for (int page = 0; ; page++) {
                JsonNode items = api.read("transfer", "/api/v1/exchange-lists/" + list.id()
                        + "/entries?kind=OFFER&status=ICRC_VERIFIED&size=100&page=" + page, list.detainingToken()).path("items");
                items.forEach(e -> verified.add(e.path("serviceNumber").asText()));
                if (items.size() < 100) {
                    break;
                }
            }
            List<StoryPeople.Prisoner> ofList = list.offered().stream().filter(p -> verified.contains(p.serviceNumber())).toList();
            going.addAll(ofList);
            perTerm.add(Map.of("termId", list.term(), "received", ofList.size()));
        }
        String sender = from.equals("UA") ? tokens.ua() : tokens.ru();
        String receiver = to.equals("UA") ? tokens.ua() : tokens.ru();
        String transfer = plan(agreement, lists.stream().map(ExchangeList::term).toList(), "PRISONERS", from, to,
                "2025-06-10T06:00:00Z", sender, tagPrefix);
        String base = "/api/v1/transfers/" + transfer;
        // The escort's verifications on the lists stand as each person's consent on the manifest.
        upload(base, sender, StoryPeople.listedManifest(tagPrefix, going, to));
        api.write(200, "transfer", "POST", base + "/dispatch", sender, Map.of("count", going.size(), "dispatchedAt", "2025-06-10T07:00:00Z"));
        api.write(200, "transfer", "POST", base + "/receipt", receiver, Map.of("count", going.size(), "receivedAt",
                "2025-06-10T11:00:00Z", "terms", perTerm));
        JsonNode reconciled = api.write(200, "transfer", "POST", base + "/reconciliation", receiver,
                Map.of("received", StoryPeople.tags(tagPrefix, 0, going.size()), "missing", List.of(), "extra", List.of()));
        step("Exchange %s→%s on 10 June: %d prisoners from the lists, each verified by the ICRC, %s", from, to,
                going.size(), reconciled.path("state").asText());
        return transfer;
    }

    /** Every identity check of the persons who came home with {@code transfer}, page by page. */
    private List<JsonNode> prisonerChecks(String transfer) {
        List<JsonNode> checks = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.read("identification", "/api/v1/prisoner-checks?transferId=" + transfer
                    + "&size=100&page=" + page, tokens.ua()).path("items");
            items.forEach(checks::add);
            if (items.size() < 100) {
                return checks;
            }
        }
    }

    /** One handover of remains from RU: planned, manifest, dispatched, received (counted), reconciled item by item. */
    public String handOverRemains(Agreement agreement, int number, Handover handover) {
        String tagPrefix = "RU-2025-06-%02d-%s".formatted(handover.day(), run);
        String day = "2025-06-%02d".formatted(handover.day());
        String transfer = plan(agreement, List.of(agreement.terms().get("RU>UA:REMAINS")), "REMAINS", "RU", "UA",
                day + "T05:00:00Z", tokens.ru(), tagPrefix);
        String base = "/api/v1/transfers/" + transfer;
        upload(base, tokens.ru(), StoryPeople.remainsManifest(tagPrefix, handover.claimed()));
        api.write(200, "transfer", "POST", base + "/dispatch", tokens.ru(),
                Map.of("count", handover.claimed(), "dispatchedAt", day + "T06:00:00Z"));
        int arrived = handover.claimed() - handover.missing();
        // 12:00 UTC is 15:00 in Kyiv: the same day, inside ISO week 2025-W24 (9 to 15 June).
        api.write(200, "transfer", "POST", base + "/receipt", tokens.ua(), Map.of("count", arrived, "receivedAt", day + "T12:00:00Z"));
        JsonNode reconciled = api.write(200, "transfer", "POST", base + "/reconciliation", tokens.ua(),
                Map.of("received", StoryPeople.tags(tagPrefix, 0, arrived),
                        "missing", StoryPeople.tags(tagPrefix, arrived, handover.claimed()), "extra", List.of()));
        step("Handover %d of %d, %d June: %,d bodies claimed, %,d received, %d missing at reconciliation: %s",
                number + 1, HANDOVERS.size(), handover.day(), handover.claimed(), arrived, handover.missing(),
                reconciled.path("state").asText());
        return transfer;
    }

    private String plan(Agreement agreement, List<String> termIds, String kind, String from, String to, String at,
                        String token, String idempotency) {
        return api.write(201, "transfer", "POST", "/api/v1/transfers", token, Map.of("agreementId", agreement.id(),
                        "termIds", termIds, "kind", kind, "fromParty", from, "toParty", to, "escortOrganisation", "org-icrc",
                        "scheduledAt", at, "handoverPoint", Map.of("name", "Border crossing", "timeZone", "Europe/Kyiv")),
                Map.of("Idempotency-Key", "plan-" + idempotency)).path("id").asText();
    }

    private void upload(String base, String token, String csv) {
        HomewardApi.Answer answer = api.send("transfer", "PUT", base + "/manifest", token, "text/csv; charset=UTF-8", csv, Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("Manifest refused (" + answer.status() + "): " + answer.body());
        }
    }

    /**
     * The families of {@link #DNA_IDENTIFICATIONS} missing soldiers gave reference samples (father and mother);
     * the laboratory profiles that many bodies of the first handover; the matching finds each family, one
     * examiner proposes the identification with the candidate and another confirms it.
     */
    private void identifyByDna(String transfer) {
        List<StoryPeople.Person> missing = StoryPeople.ukrainians(run, REPORTED_CAPTURED + DNA_IDENTIFICATIONS,
                REPORTED_CAPTURED).subList(REPORTED_CAPTURED, REPORTED_CAPTURED + DNA_IDENTIFICATIONS);
        JsonNode cases = api.read("identification", "/api/v1/cases?transferId=" + transfer + "&size=" + DNA_IDENTIFICATIONS,
                tokens.labA()).path("items");
        Map<String, StoryPeople.Person> personOfCase = new LinkedHashMap<>();
        Map<String, String> personIdOfCase = new LinkedHashMap<>();
        for (int i = 0; i < DNA_IDENTIFICATIONS; i++) {
            StoryPeople.Person person = missing.get(i);
            String personId = api.write(201, "identification", "POST", "/api/v1/missing-persons", tokens.ua(),
                    StoryPeople.report(person, true, "FAMILY_REPORT"), Map.of("Idempotency-Key", "family-" + run + "-" + i))
                    .path("personId").asText();
            SyntheticFamilies.Family family = families.next();
            reference(personId, "father", family.father(), i);
            reference(personId, "mother", family.mother(), i);
            String caseId = cases.get(i).path("id").asText();
            api.write(200, "identification", "PUT", "/api/v1/cases/" + caseId + "/dna-profile", tokens.labA(),
                    Map.of("sampleId", "PM-" + run + "-" + i, "loci", family.child().loci()));
            personOfCase.put(caseId, person);
            personIdOfCase.put(caseId, personId);
        }
        step("DNA: %d families gave reference samples (father and mother), %d bodies profiled", DNA_IDENTIFICATIONS, DNA_IDENTIFICATIONS);
        awaitProgress("bodies with an undisputed DNA candidate", DNA_IDENTIFICATIONS, Duration.ofMinutes(5), () ->
                personOfCase.keySet().stream().filter(caseId -> undisputed(caseId) != null).count());
        for (Map.Entry<String, StoryPeople.Person> entry : personOfCase.entrySet()) {
            String caseId = entry.getKey();
            JsonNode candidate = undisputed(caseId);
            if (!candidate.path("personId").asText().equals(personIdOfCase.get(caseId))) {
                throw new IllegalStateException("The matching put case " + caseId + " with another family");
            }
            StoryPeople.Person person = entry.getValue();
            Map<String, Object> identity = Map.of("surname", person.surname(), "firstNames", person.firstNames(),
                    "dateOfBirth", person.dateOfBirth().toString(), "nationality", "UA", "serviceNumber", person.serviceNumber());
            String proposal = api.write(201, "identification", "POST", "/api/v1/cases/" + caseId + "/proposals", tokens.labA(),
                    Map.of("method", "DNA", "evidence", "Kinship analysis with the parents' reference samples",
                            "establishedIdentity", identity, "kinshipCandidateId", candidate.path("id").asText()),
                    Map.of("Idempotency-Key", "proposal-" + caseId)).path("id").asText();
            api.write(200, "identification", "POST", "/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision",
                    tokens.labB(), Map.of("decision", "CONFIRM", "reason", "Kinship analysis re-checked"));
            out.printf("    case %s: trio LR %.3g over %d loci, posterior %.6f; proposed by examiner-hnatiuk, confirmed by examiner-melnyk%n",
                    caseId, candidate.path("lr").asDouble(), candidate.path("lociCompared").asInt(), candidate.path("posterior").asDouble());
        }
        step("DNA: %d identifications confirmed by two examiners", DNA_IDENTIFICATIONS);
    }

    /**
     * Two brothers missing from one family: both parents gave samples (registered for the older), the family
     * states them as brothers, and both bodies are profiled. Both remains are linked to the family and neither
     * is undisputed: the parents cannot tell their sons apart, other evidence must.
     */
    private StoryReport.Brothers brothersOfOneFamily(String transfer) {
        int first = REPORTED_CAPTURED + DNA_IDENTIFICATIONS;
        List<StoryPeople.Person> two = StoryPeople.ukrainians(run, first + BROTHERS, REPORTED_CAPTURED).subList(first,
                first + BROTHERS);
        StoryPeople.Person older = two.get(0);
        StoryPeople.Person younger = new StoryPeople.Person(older.surname(), two.get(1).firstNames(),
                two.get(1).dateOfBirth(), two.get(1).serviceNumber(), two.get(1).category());
        List<String> personIds = new ArrayList<>();
        List<StoryPeople.Person> brothers = List.of(older, younger);
        for (int b = 0; b < BROTHERS; b++) {
            personIds.add(api.write(201, "identification", "POST", "/api/v1/missing-persons", tokens.ua(),
                    StoryPeople.report(brothers.get(b), true, "FAMILY_REPORT"),
                    Map.of("Idempotency-Key", "brother-" + run + "-" + b)).path("personId").asText());
        }
        api.write(200, "identification", "POST", "/api/v1/missing-persons/" + personIds.get(0) + "/full-siblings",
                tokens.ua(), Map.of("personId", personIds.get(1)));
        SyntheticFamilies.Family family = families.next();
        reference(personIds.get(0), "father", family.father(), first);
        reference(personIds.get(0), "mother", family.mother(), first);
        JsonNode cases = api.read("identification", "/api/v1/cases?transferId=" + transfer + "&size="
                + (DNA_IDENTIFICATIONS + BROTHERS), tokens.labA()).path("items");
        List<String> caseIds = List.of(cases.get(DNA_IDENTIFICATIONS).path("id").asText(),
                cases.get(DNA_IDENTIFICATIONS + 1).path("id").asText());
        List<SyntheticFamilies.Profile> remains = List.of(family.child(), families.brother(family));
        for (int b = 0; b < BROTHERS; b++) {
            api.write(200, "identification", "PUT", "/api/v1/cases/" + caseIds.get(b) + "/dna-profile", tokens.labA(),
                    Map.of("sampleId", "PM-" + run + "-brother-" + b, "loci", remains.get(b).loci()));
        }
        step("DNA: two brothers missing from one family, both parents typed; both bodies profiled");
        // Settled when each body has both brothers as candidates with one ratio (the same references weighed).
        awaitProgress("bodies weighed against both brothers", BROTHERS, Duration.ofMinutes(5), () -> caseIds.stream()
                .filter(caseId -> weighedAgainstBoth(caseId, personIds)).count());
        int undisputed = 0;
        List<Double> posteriors = new ArrayList<>();
        for (String caseId : caseIds) {
            for (JsonNode candidate : api.read("identification", "/api/v1/cases/" + caseId + "/kinship-candidates",
                    tokens.labA())) {
                undisputed += candidate.path("undisputed").asBoolean() ? 1 : 0;
                posteriors.add(candidate.path("posterior").asDouble());
            }
        }
        out.printf("    each body: both brothers at the same trio LR, posteriors %s, undisputed: %d%n",
                posteriors.stream().map(p -> String.format(java.util.Locale.ROOT, "%.3f", p)).toList(), undisputed);
        int linked = (int) caseIds.stream().filter(caseId -> weighedAgainstBoth(caseId, personIds)).count();
        return new StoryReport.Brothers(BROTHERS, linked, undisputed);
    }

    private boolean weighedAgainstBoth(String caseId, List<String> brothers) {
        JsonNode candidates = api.read("identification", "/api/v1/cases/" + caseId + "/kinship-candidates", tokens.labA());
        List<String> persons = new ArrayList<>();
        candidates.forEach(c -> persons.add(c.path("personId").asText()));
        return candidates.size() == 2 && persons.containsAll(brothers)
                && Math.abs(candidates.get(0).path("lr").asDouble() - candidates.get(1).path("lr").asDouble())
                <= 1e-9 * candidates.get(0).path("lr").asDouble();
    }

    private void reference(String personId, String parent, SyntheticFamilies.Profile profile, int family) {
        String sample = "REF-" + run + "-" + family + "-" + parent;
        String donor = api.write(201, "identification", "POST", "/api/v1/donors", tokens.labA(), Map.of(
                "personId", personId, "relationship", "PARENT", "donorName", "The " + parent,
                "consent", Map.of("givenBy", "The " + parent, "givenAt", "2025-06-03T09:00:00Z", "use", "Identification of their son"),
                "sampleIds", List.of(sample)), Map.of("Idempotency-Key", "donor-" + sample)).path("id").asText();
        api.write(200, "identification", "PUT", "/api/v1/donors/" + donor + "/dna-profile", tokens.labA(),
                Map.of("sampleId", sample, "loci", profile.loci()));
    }

    private JsonNode undisputed(String caseId) {
        for (JsonNode candidate : api.read("identification", "/api/v1/cases/" + caseId + "/kinship-candidates", tokens.labA())) {
            if (candidate.path("undisputed").asBoolean()) {
                return candidate;
            }
        }
        return null;
    }

    private StoryReport summarise(Agreement agreement, List<String> prisonerTransfers, List<String> transfers,
                                  StoryReport.Brothers brothers, BeyondDna.Outcome beyondDna,
                                  SignedWebhookSubscriber subscriber, Duration took) {
        JsonNode fulfilment = api.read("agreement", "/api/v1/agreements/" + agreement.id()
                + "/fulfilment?from=2025-06-09&to=2025-06-15&groupBy=WEEK", tokens.press());
        List<JsonNode> week = new ArrayList<>();
        api.read("transfer", "/api/v1/transfers/summary?from=2025-06-09&to=2025-06-15&groupBy=WEEK&agreementId="
                + agreement.id(), tokens.ua()).forEach(week::add);
        JsonNode cases = api.read("identification", "/api/v1/case-statistics?agreementId=" + agreement.id(), tokens.press());
        Map<String, Integer> checks = new LinkedHashMap<>();
        prisonerChecks(prisonerTransfers.get(0))
                .forEach(check -> checks.merge(check.path("outcome").asText() + " → " + check.path("status").asText(), 1, Integer::sum));
        List<String> states = new ArrayList<>();
        for (String transfer : transfers) {
            states.add(api.read("transfer", "/api/v1/transfers/" + transfer, tokens.ua()).path("state").asText());
        }
        List<String> all = new ArrayList<>(prisonerTransfers);
        all.addAll(transfers);
        return StoryReport.of(agreement.id(), all, fulfilment, week, states, cases, checks, brothers,
                new StoryReport.BeyondDna(beyondDna.byOdontology(), beyondDna.byFingerprints(), beyondDna.splitInto(),
                        beyondDna.joined()), subscriber.tally(), took);
    }

    private void step(String format, Object... arguments) {
        out.printf("• " + format + "%n", arguments);
    }

    /** Waits for {@code count} to reach {@code target}, printing progress while it moves. */
    private void awaitProgress(String what, long target, Duration timeout, LongSupplier count) {
        Instant deadline = Instant.now().plus(timeout);
        long last = -1;
        Instant lastPrinted = Instant.EPOCH;
        while (true) {
            long now = count.getAsLong();
            if (now >= target) {
                if (last >= 0) {
                    out.printf("    %s: %,d of %,d%n", what, now, target);
                }
                return;
            }
            if (now != last && Duration.between(lastPrinted, Instant.now()).toSeconds() >= 10) {
                out.printf("    %s: %,d of %,d ...%n", what, now, target);
                lastPrinted = Instant.now();
            }
            last = now;
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out waiting for " + what + ": " + now + " of " + target);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }
}
