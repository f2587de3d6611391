package org.homeward.local.launcher.story;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Identification beyond DNA in the story, through the public APIs only: bodies of the first handover identified by
 * the family dentist's chart or the military's fingerprint file before any DNA (each family's ante-mortem record, the
 * body's post-mortem record, the reconciliation's first candidate proposed by one examiner and confirmed by another),
 * a bag that holds two persons split, and a fragment of the second handover joined to the body it belongs to.
 */
final class BeyondDna {

    /** Of the first handover's bodies: identified by odontology, then by fingerprints. */
    static final int BY_ODONTOLOGY = 8;
    static final int BY_FINGERPRINTS = 4;

    /** Premolars and molars (tooth 18 is the one lost after death in every post-mortem chart), and front teeth. */
    private static final List<Integer> BACK_TEETH = List.of(14, 15, 16, 17, 24, 25, 26, 27, 34, 35, 36, 37, 44, 45, 46,
            47, 28, 38, 48);
    private static final List<Integer> FRONT_TEETH = List.of(11, 12, 13, 21, 22, 23, 31, 32, 33, 41, 42, 43);

    /** What the story did beyond DNA. */
    record Outcome(int byOdontology, int byFingerprints, int splitInto, int joined) {
    }

    private final HomewardApi api;
    private final PrintStream out;
    private final String run;
    private final String coordinator;
    private final String examiner;
    private final String secondExaminer;

    BeyondDna(HomewardApi api, PrintStream out, String run, String coordinator, String examiner, String secondExaminer) {
        this.api = api;
        this.out = out;
        this.run = run;
        this.coordinator = coordinator;
        this.examiner = examiner;
        this.secondExaminer = secondExaminer;
    }

    /**
     * {@code first}, {@code second}: the first two handovers of remains; {@code firstCase}: the index, among the first
     * handover's cases, of the first body this part works on (the ones before are the DNA part's), and the 14 after it.
     */
    Outcome play(String first, String second, List<StoryPeople.Person> people, int firstCase) {
        int bodies = BY_ODONTOLOGY + BY_FINGERPRINTS;
        JsonNode cases = api.read("identification", "/api/v1/cases?transferId=" + first + "&size=" + (firstCase + bodies + 2),
                examiner).path("items");
        for (int i = 0; i < bodies; i++) {
            identify(cases.get(firstCase + i).path("id").asText(), people.get(i), i);
        }
        out.printf("• Beyond DNA: %d bodies identified by the family dentist's chart and %d by the military's fingerprint"
                + " file, each the reconciliation's first candidate, proposed and confirmed by two examiners%n",
                BY_ODONTOLOGY, BY_FINGERPRINTS);
        String bag = cases.get(firstCase + bodies).path("id").asText();
        split(bag);
        String survivor = cases.get(firstCase + bodies + 1).path("id").asText();
        String fragment = api.read("identification", "/api/v1/cases?transferId=" + second + "&size=1", examiner)
                .path("items").get(0).path("id").asText();
        join(survivor, fragment);
        return new Outcome(BY_ODONTOLOGY, BY_FINGERPRINTS, 2, 1);
    }

    private void identify(String caseId, StoryPeople.Person person, int index) {
        boolean dental = index < BY_ODONTOLOGY;
        String personId = api.write(201, "identification", "POST", "/api/v1/missing-persons", coordinator,
                withSex(StoryPeople.report(person, true, "FAMILY_REPORT")), key("dvi-person", index)).path("personId").asText();
        Map<String, Object> anteMortem = new LinkedHashMap<>();
        anteMortem.put("disappearedOn", Map.of("date", "2024-11-0" + (1 + index % 9), "source", "MILITARY_RECORD"));
        anteMortem.put("stature", Map.of("range", Map.of("min", 172 + index % 8, "max", 172 + index % 8),
                "source", "MILITARY_RECORD"));
        Map<String, Object> postMortem = new LinkedHashMap<>();
        postMortem.put("sex", Map.of("value", "MALE", "method", "Pelvic and cranial morphology"));
        postMortem.put("age", Map.of("range", Map.of("min", 25, "max", 50), "method", "Pubic symphysis"));
        postMortem.put("stature", Map.of("range", Map.of("min", 166 + index % 8, "max", 180 + index % 8),
                "method", "Femur length"));
        if (dental) {
            anteMortem.put("dental", Map.of("teeth", chart(index, false), "chartedOn", "2023-09-14",
                    "source", "DENTAL_RECORD"));
            postMortem.put("dental", chart(index, true));
        } else {
            anteMortem.put("fingerprints", Map.of("reference", "MIL-AFIS-" + run + "-" + index, "source", "MILITARY_RECORD"));
            postMortem.put("fingerprints", Map.of("taken", true, "comparisons", List.of(Map.of("missingPersonId", personId,
                    "result", "IDENTIFICATION", "afisReference", "AFIS-UA-2025-0612-" + run + "-" + index,
                    "comparedOn", "2025-06-12"))));
        }
        api.write(201, "identification", "POST", "/api/v1/missing-persons/" + personId + "/ante-mortem", examiner,
                anteMortem, key("am", index));
        api.write(201, "identification", "POST", "/api/v1/cases/" + caseId + "/post-mortem", examiner, postMortem,
                key("pm", index));
        JsonNode best = api.read("identification", "/api/v1/cases/" + caseId + "/reconciliation?limit=1", examiner)
                .path("candidates").get(0);
        if (best == null || !best.path("missingPersonId").asText().equals(personId)
                || !best.path("strength").asText().equals("PRIMARY")) {
            throw new IllegalStateException("The reconciliation of case " + caseId + " does not put its person first");
        }
        String method = dental ? "ODONTOLOGY" : "FINGERPRINTS";
        Map<String, Object> identity = Map.of("surname", person.surname(), "firstNames", person.firstNames(),
                "dateOfBirth", person.dateOfBirth().toString(), "nationality", "UA", "serviceNumber", person.serviceNumber());
        String proposal = api.write(201, "identification", "POST", "/api/v1/cases/" + caseId + "/proposals", examiner,
                Map.of("method", method, "evidence", dental ? "Post-mortem chart compared with the family dentist's"
                                : "Ten-print comparison with the military file", "establishedIdentity", identity,
                        "missingPersonId", personId), key("dvi-proposal", index)).path("id").asText();
        api.write(200, "identification", "POST", "/api/v1/cases/" + caseId + "/proposals/" + proposal + "/decision",
                secondExaminer, Map.of("decision", "CONFIRM", "reason", "Reconciliation re-checked"));
        out.printf("    case %s: %s, %d dental point(s), %s; proposed by examiner-hnatiuk, confirmed by examiner-melnyk%n",
                caseId, method, best.path("dentalPoints").asInt(), best.path("primaryIdentifiers"));
    }

    /**
     * A full chart of 32 teeth with five features of the person's own (two fillings, a third shared by a few, a crown
     * with a root filling, a tooth pulled in life), sound elsewhere; after death, tooth 18 is lost.
     */
    private static List<Map<String, Object>> chart(int person, boolean postMortem) {
        Map<Integer, Map<String, Object>> teeth = new LinkedHashMap<>();
        for (int quadrant = 1; quadrant <= 4; quadrant++) {
            for (int position = 1; position <= 8; position++) {
                int tooth = quadrant * 10 + position;
                teeth.put(tooth, Map.of("tooth", tooth, "state", "PRESENT"));
            }
        }
        teeth.put(BACK_TEETH.get(person), Map.of("tooth", BACK_TEETH.get(person), "state", "PRESENT", "filling", "MOD"));
        teeth.put(BACK_TEETH.get(person + 8), Map.of("tooth", BACK_TEETH.get(person + 8), "state", "PRESENT", "filling", "O"));
        teeth.put(BACK_TEETH.get(16 + person % 3), Map.of("tooth", BACK_TEETH.get(16 + person % 3), "state", "PRESENT",
                "filling", "DO"));
        teeth.put(FRONT_TEETH.get(person), Map.of("tooth", FRONT_TEETH.get(person), "state", "PRESENT", "crown", true,
                "rootCanal", true));
        teeth.put(FRONT_TEETH.get(8 + person % 4), Map.of("tooth", FRONT_TEETH.get(8 + person % 4),
                "state", "MISSING_ANTE_MORTEM"));
        if (postMortem) {
            teeth.put(18, Map.of("tooth", 18, "state", "MISSING_POST_MORTEM"));
        }
        return new ArrayList<>(teeth.values());
    }

    /** One bag's inventory shows two persons (two left femurs, two crania): split into two individuals. */
    private void split(String bag) {
        api.write(201, "identification", "POST", "/api/v1/cases/" + bag + "/post-mortem", examiner, Map.of("inventory",
                List.of(element("CRANIUM", null, 2), element("MANDIBLE", null, 1), element("FEMUR", "LEFT", 2),
                        element("FEMUR", "RIGHT", 1), element("TIBIA", "LEFT", 2))), key("pm-bag", 0));
        String proposal = api.write(201, "identification", "POST", "/api/v1/cases/" + bag + "/split-proposals", examiner,
                Map.of("individuals", 2, "reason", "Two crania and two left femurs in one bag: two persons"),
                key("split", 0)).path("id").asText();
        api.write(200, "identification", "POST", "/api/v1/cases/" + bag + "/commingling-proposals/" + proposal
                + "/decision", secondExaminer, Map.of("decision", "CONFIRM", "reason", "Inventory re-checked"));
        out.printf("• Commingled remains: case %s held two persons (two crania, two left femurs); split by two"
                + " examiners into two cases of the same item%n", bag);
    }

    /** The right arm found in the second handover belongs to a body of the first: joined by two examiners. */
    private void join(String survivor, String fragment) {
        api.write(201, "identification", "POST", "/api/v1/cases/" + survivor + "/post-mortem", examiner, Map.of("inventory",
                List.of(element("CRANIUM", null, 1), element("MANDIBLE", null, 1), element("HUMERUS", "LEFT", 1),
                        element("FEMUR", "LEFT", 1), element("FEMUR", "RIGHT", 1))), key("pm-survivor", 0));
        api.write(201, "identification", "POST", "/api/v1/cases/" + fragment + "/post-mortem", examiner, Map.of("inventory",
                List.of(element("HUMERUS", "RIGHT", 1), element("RADIUS", "RIGHT", 1), element("ULNA", "RIGHT", 1))),
                key("pm-fragment", 0));
        String proposal = api.write(201, "identification", "POST", "/api/v1/cases/" + survivor + "/join-proposals",
                examiner, Map.of("fragmentCaseId", fragment, "reason", "The right arm completes the skeleton: size,"
                        + " robusticity and taphonomy match; no element repeats"), key("join", 0)).path("id").asText();
        api.write(200, "identification", "POST", "/api/v1/cases/" + survivor + "/commingling-proposals/" + proposal
                + "/decision", secondExaminer, Map.of("decision", "CONFIRM", "reason", "The fit re-checked"));
        out.printf("• Commingled remains: the right arm received on 13 June (case %s) joined by two examiners to the body"
                + " received on 11 June (case %s)%n", fragment, survivor);
    }

    private static Map<String, Object> element(String element, String side, int count) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("element", element);
        if (side != null) {
            entry.put("side", side);
        }
        entry.put("count", count);
        return entry;
    }

    private static Map<String, Object> withSex(Map<String, Object> report) {
        report.put("sex", "MALE");
        return report;
    }

    private Map<String, String> key(String what, int index) {
        return Map.of("Idempotency-Key", what + "-" + run + "-" + index);
    }
}
