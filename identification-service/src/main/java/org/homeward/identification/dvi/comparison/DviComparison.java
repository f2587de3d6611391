package org.homeward.identification.dvi.comparison;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.homeward.identification.register.Sex;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.homeward.identification.dvi.comparison.Comparison.Identifier;
import static org.homeward.identification.dvi.comparison.Comparison.Reason;

/**
 * Reconciles a post-mortem record with ante-mortem ones by the DVI Guide's logic: hard exclusions first (sex, an age
 * or stature range the other side's cannot meet, last seen after the remains arrived, an unexplainable dental
 * discrepancy, a fingerprint exclusion),
 * then concordances scored and shown with their reasons. Nothing here is a probability: it is never multiplied with
 * a DNA likelihood ratio, and it names no one; examiners decide.
 *
 * @param dentalPointsToIdentify the points of concordance, with no unexplainable discrepancy, for odontology to
 *                               count as a primary identifier (a laboratory's rule, configuration)
 */
public record DviComparison(int dentalPointsToIdentify) {

    /** How far a family's remembered stature may be from the truth. */
    static final int REMEMBERED_STATURE_CM = 5;

    /** Descriptions this alike (Jaro-Winkler, after folding case and spacing) are taken as the same thing. */
    static final double SAME_DESCRIPTION = 0.85;

    private static final JaroWinklerSimilarity SIMILARITY = new JaroWinklerSimilarity();

    /** The register's facts of the person the ante-mortem record is about. */
    public record Person(UUID id, Sex sex, BirthDate birth, String serviceNumber) {
    }

    /** {@code receivedOn}: when the remains arrived, the latest the person can have died. */
    public Comparison compare(PostMortem pm, AnteMortem am, Person person, LocalDate receivedOn) {
        List<Reason> exclusions = new ArrayList<>();
        List<Identifier> primary = new ArrayList<>();
        List<Reason> concordances = new ArrayList<>();
        List<Reason> explained = new ArrayList<>();
        sex(pm, person, exclusions);
        age(pm, am, person, receivedOn, exclusions);
        stature(pm, am, exclusions);
        int dentalPoints = dental(pm, am, exclusions, primary, concordances, explained);
        fingerprints(pm, person, exclusions, primary, concordances);
        marks(pm, am, concordances);
        belongings(Identifier.CLOTHING, pm.clothing(), am.clothing(), concordances);
        belongings(Identifier.EFFECTS, pm.effects(), am.effects(), concordances);
        documents(pm, person, concordances);
        return new Comparison(person.id(), List.copyOf(exclusions), List.copyOf(primary), dentalPoints,
                List.copyOf(concordances), List.copyOf(explained));
    }

    private static void sex(PostMortem pm, Person person, List<Reason> exclusions) {
        if (pm.sex() != null && pm.sex().value() != null && person.sex() != null && pm.sex().value() != person.sex()) {
            exclusions.add(new Reason(Identifier.SEX, "the remains are " + pm.sex().value() + " (" + pm.sex().method()
                    + "), the missing person " + person.sex()));
        }
    }

    /**
     * The person was at most (arrival year − birth year) years old at death, and, if the date he disappeared is
     * known, at least (that year − birth year − 1): whole years, so that a birthday never excludes wrongly.
     */
    private static void age(PostMortem pm, AnteMortem am, Person person, LocalDate receivedOn, List<Reason> exclusions) {
        if (am.disappearedOn() != null && am.disappearedOn().date() != null
                && am.disappearedOn().date().isAfter(receivedOn)) {
            exclusions.add(new Reason(Identifier.AGE, "the missing person was last seen on " + am.disappearedOn().date()
                    + " (" + am.disappearedOn().source() + "), after the remains arrived on " + receivedOn));
        }
        if (pm.age() == null || person.birth() == null || person.birth().year() == null) {
            return;
        }
        Range estimated = pm.age().range();
        int oldest = receivedOn.getYear() - person.birth().year();
        if (estimated.min() > oldest) {
            exclusions.add(new Reason(Identifier.AGE, "the remains are estimated at " + estimated
                    + " years, the missing person was at most " + oldest + " when they arrived"));
            return;
        }
        if (am.disappearedOn() != null && am.disappearedOn().date() != null) {
            int youngest = am.disappearedOn().date().getYear() - person.birth().year() - 1;
            if (estimated.max() < youngest) {
                exclusions.add(new Reason(Identifier.AGE, "the remains are estimated at " + estimated
                        + " years, the missing person was at least " + youngest + " when last seen"));
            }
        }
    }

    /**
     * A stature outside the estimated range excludes; within it, it is consistent but no concordance (most men's
     * stature falls in most estimates). A family's memory is taken with {@value #REMEMBERED_STATURE_CM} cm either way.
     */
    private static void stature(PostMortem pm, AnteMortem am, List<Reason> exclusions) {
        if (pm.stature() == null || am.stature() == null) {
            return;
        }
        Range found = pm.stature().range();
        Range known = am.stature().range();
        int tolerance = am.stature().source() == Source.FAMILY_INTERVIEW ? REMEMBERED_STATURE_CM : 0;
        Range allowed = new Range(Math.max(0, known.min() - tolerance), known.max() + tolerance);
        if (!found.overlaps(allowed)) {
            exclusions.add(new Reason(Identifier.STATURE, "the remains' stature is estimated at " + found
                    + " cm, the missing person's is " + known + " cm (" + am.stature().source()
                    + (tolerance > 0 ? ", taken with " + tolerance + " cm either way" : "") + ")"));
        }
    }

    private int dental(PostMortem pm, AnteMortem am, List<Reason> exclusions, List<Identifier> primary,
                       List<Reason> concordances, List<Reason> explained) {
        if (pm.dental() == null || am.dental() == null) {
            return 0;
        }
        DentalComparison.Result result = DentalComparison.compare(am.dental().teeth(), pm.dental());
        String source = " (" + am.dental().source() + (am.dental().chartedOn() == null ? "" : " of " + am.dental().chartedOn()) + ")";
        result.unexplainable().forEach(text -> exclusions.add(new Reason(Identifier.ODONTOLOGY,
                "unexplainable discrepancy, " + text + source)));
        result.concordant().forEach(text -> concordances.add(new Reason(Identifier.ODONTOLOGY, text + source)));
        result.explainable().forEach(text -> explained.add(new Reason(Identifier.ODONTOLOGY, text + source)));
        if (result.unexplainable().isEmpty() && result.points() >= dentalPointsToIdentify) {
            primary.add(Identifier.ODONTOLOGY);
        }
        return result.points();
    }

    private static void fingerprints(PostMortem pm, Person person, List<Reason> exclusions, List<Identifier> primary,
                                     List<Reason> concordances) {
        if (pm.fingerprints() == null) {
            return;
        }
        for (FingerprintComparison run : pm.fingerprints().with(person.id())) {
            String reference = " (" + run.afisReference() + ", " + run.comparedOn() + ")";
            switch (run.result()) {
                case IDENTIFICATION -> {
                    primary.add(Identifier.FINGERPRINTS);
                    concordances.add(new Reason(Identifier.FINGERPRINTS, "prints identified" + reference));
                }
                case EXCLUSION -> exclusions.add(new Reason(Identifier.FINGERPRINTS, "prints excluded" + reference));
                case INCONCLUSIVE -> { }
            }
        }
    }

    private static void marks(PostMortem pm, AnteMortem am, List<Reason> concordances) {
        if (pm.marks() == null || am.marks() == null) {
            return;
        }
        for (Mark found : pm.marks()) {
            am.marks().stream()
                    .filter(known -> known.kind() == found.kind() && known.region() == found.region()
                            && alike(known.description(), found.description()))
                    .findFirst()
                    .ifPresent(known -> concordances.add(new Reason(Identifier.MARKS, found.kind() + " on "
                            + found.region() + ": \"" + found.description() + "\" found, \"" + known.description()
                            + "\" known (" + known.source() + ")")));
        }
    }

    private static void belongings(Identifier by, List<Belonging> found, List<Belonging> known, List<Reason> concordances) {
        if (found == null || known == null) {
            return;
        }
        for (Belonging item : found) {
            known.stream().filter(k -> alike(k.description(), item.description())).findFirst()
                    .ifPresent(k -> concordances.add(new Reason(by, "\"" + item.description() + "\" found, \""
                            + k.description() + "\" known (" + k.source() + ")")));
        }
    }

    private static void documents(PostMortem pm, Person person, List<Reason> concordances) {
        if (pm.documents() == null || person.serviceNumber() == null) {
            return;
        }
        // The register's own key (no spaces, dashes, slashes, dots or case), so that "UA 1234567" is "ua-1234567".
        String number = Particulars.serviceNumberKey(person.serviceNumber());
        if (number == null) {
            return;
        }
        for (FoundDocument document : pm.documents()) {
            if (number.equals(Particulars.serviceNumberKey(document.serviceNumber()))) {
                concordances.add(new Reason(Identifier.DOCUMENTS, "\"" + document.description()
                        + "\" found bears the person's service number"));
            }
        }
    }

    static boolean alike(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return SIMILARITY.apply(fold(a), fold(b)) >= SAME_DESCRIPTION;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }
}
