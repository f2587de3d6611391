package org.homeward.identification.dvi.comparison;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.homeward.identification.dvi.comparison.PostMortem.add;
import static org.homeward.identification.dvi.comparison.PostMortem.or;

/**
 * What is known of a missing person from before, section by section as the DVI ante-mortem form asks, each with
 * its source: when he disappeared, his stature, his dental chart, where his prints are held, marks, clothing worn
 * and effects carried. Sex is the register's own field, not a section here. A null section is unknown.
 */
public record AnteMortem(Dated disappearedOn, Measured stature, Chart dental, PrintsOnFile fingerprints,
                         List<Mark> marks, List<Belonging> clothing, List<Belonging> effects) {

    public static final AnteMortem EMPTY = new AnteMortem(null, null, null, null, null, null, null);

    public record Dated(LocalDate date, Source source) {
    }

    public record Measured(Range range, Source source) {
    }

    /** A chart as the dentist made it, on the date of his last record. */
    public record Chart(List<ToothRecord> teeth, LocalDate chartedOn, Source source) {

        public Chart {
            teeth = teeth == null ? List.of() : List.copyOf(teeth);
            DentalComparison.check(teeth);
        }
    }

    /** Where the person's prints are held (a military or police file), for the comparison run elsewhere. */
    public record PrintsOnFile(String reference, Source source) {
    }

    public AnteMortem with(AnteMortem changes) {
        return new AnteMortem(or(changes.disappearedOn, disappearedOn), or(changes.stature, stature),
                or(changes.dental, dental), or(changes.fingerprints, fingerprints), or(changes.marks, marks),
                or(changes.clothing, clothing), or(changes.effects, effects));
    }

    public List<String> sections() {
        List<String> named = new ArrayList<>();
        add(named, "disappearedOn", disappearedOn);
        add(named, "stature", stature);
        add(named, "dental", dental);
        add(named, "fingerprints", fingerprints);
        add(named, "marks", marks);
        add(named, "clothing", clothing);
        add(named, "effects", effects);
        return named;
    }
}
