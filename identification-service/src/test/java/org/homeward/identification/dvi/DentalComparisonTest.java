package org.homeward.identification.dvi;

import org.homeward.identification.dvi.comparison.DentalComparison;
import org.homeward.identification.dvi.comparison.ToothRecord;
import org.homeward.identification.dvi.comparison.ToothState;
import org.homeward.platform.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The odontologist's reconciliation of two charts, on examples written as the DVI dental form (F2 ante-mortem,
 * F2 post-mortem) records them: FDI tooth numbers, a state per tooth, filled surfaces, crowns and root fillings.
 */
class DentalComparisonTest {

    private static ToothRecord sound(int tooth) {
        return new ToothRecord(tooth, ToothState.PRESENT, null, false, false);
    }

    private static ToothRecord filled(int tooth, String surfaces) {
        return new ToothRecord(tooth, ToothState.PRESENT, surfaces, false, false);
    }

    private static ToothRecord crowned(int tooth, boolean rootCanal) {
        return new ToothRecord(tooth, ToothState.PRESENT, null, true, rootCanal);
    }

    private static ToothRecord state(int tooth, ToothState state) {
        return new ToothRecord(tooth, state, null, false, false);
    }

    @Test
    void theSameRestorationsAndExtractionsArePointsAndSoundTeethAreNot() {
        List<ToothRecord> am = List.of(filled(16, "MOD"), crowned(21, true), state(36, ToothState.MISSING_ANTE_MORTEM),
                state(46, ToothState.IMPLANT), sound(11), sound(12));
        List<ToothRecord> pm = List.of(filled(16, "DOM"), crowned(21, true), state(36, ToothState.MISSING_ANTE_MORTEM),
                state(46, ToothState.IMPLANT), sound(11), sound(12));

        DentalComparison.Result result = DentalComparison.compare(am, pm);

        assertThat(result.points()).isEqualTo(4);
        assertThat(result.concordant()).first().asString().contains("tooth 16", "filling MOD");
        assertThat(result.explainable()).isEmpty();
        assertThat(result.unexplainable()).isEmpty();
    }

    @Test
    void dentalWorkDoneAfterTheRecordIsExplainable() {
        // Filled after the chart, a filling enlarged, crowned over a filling, extracted, replaced by an implant,
        // a wisdom tooth erupted since.
        List<ToothRecord> am = List.of(sound(17), filled(26, "O"), filled(27, "MO"), sound(35), sound(45),
                state(38, ToothState.UNERUPTED));
        List<ToothRecord> pm = List.of(filled(17, "O"), filled(26, "MOD"), crowned(27, false),
                state(35, ToothState.MISSING_ANTE_MORTEM), state(45, ToothState.IMPLANT), sound(38));

        DentalComparison.Result result = DentalComparison.compare(am, pm);

        assertThat(result.explainable()).hasSize(6);
        assertThat(result.unexplainable()).isEmpty();
        assertThat(result.points()).isZero();
    }

    @Test
    void whatTimeCannotExplainIsUnexplainable() {
        // An extracted tooth in the jaw, an extracted tooth's socket open at death, a filling gone, a filling shrunk,
        // a crown gone, an implant turned into a natural tooth, a pontic with a root, a pontic's gap with an open
        // socket, an erupted tooth back in the jaw.
        List<ToothRecord> am = List.of(state(14, ToothState.MISSING_ANTE_MORTEM), state(15, ToothState.MISSING_ANTE_MORTEM),
                filled(24, "MO"), filled(25, "MOD"), crowned(11, false), state(36, ToothState.IMPLANT),
                state(46, ToothState.PONTIC), state(45, ToothState.PONTIC), sound(17));
        List<ToothRecord> pm = List.of(sound(14), state(15, ToothState.MISSING_POST_MORTEM), sound(24), filled(25, "O"),
                sound(11), sound(36), sound(46), state(45, ToothState.MISSING_POST_MORTEM), state(17, ToothState.UNERUPTED));

        DentalComparison.Result result = DentalComparison.compare(am, pm);

        assertThat(result.unexplainable()).hasSize(9);
        assertThat(result.points()).isZero();
    }

    @Test
    void whatAPostMortemChartCannotSeeContradictsNothing() {
        // A crown hides the filling charted under it; a root filling needs a radiograph the post-mortem chart may
        // lack; a tooth charted missing in life may be impacted (a wisdom tooth still in the jaw).
        List<ToothRecord> am = List.of(new ToothRecord(16, ToothState.PRESENT, "MOD", true, false),
                new ToothRecord(22, ToothState.PRESENT, "L", false, true), new ToothRecord(12, ToothState.PRESENT, null, false, true),
                state(38, ToothState.MISSING_ANTE_MORTEM));
        List<ToothRecord> pm = List.of(crowned(16, false), filled(22, "L"), sound(12), state(38, ToothState.UNERUPTED));

        DentalComparison.Result result = DentalComparison.compare(am, pm);

        assertThat(result.unexplainable()).isEmpty();
        assertThat(result.explainable()).isEmpty();
        assertThat(result.concordant()).as("the crown, and the filling seen").hasSize(2);
    }

    @Test
    void aFailedImplantBridgedIsLaterDentalWork() {
        DentalComparison.Result result = DentalComparison.compare(List.of(state(36, ToothState.IMPLANT),
                filled(26, "O")), List.of(state(36, ToothState.PONTIC), new ToothRecord(26, ToothState.PRESENT, "O", false, true)));

        assertThat(result.explainable()).hasSize(2);
        assertThat(result.unexplainable()).isEmpty();
    }

    @Test
    void aToothLostAfterDeathOrUnchartedComparesWithNothing() {
        List<ToothRecord> am = List.of(filled(16, "O"), filled(26, "O"), state(31, ToothState.NO_INFORMATION));
        List<ToothRecord> pm = List.of(state(16, ToothState.MISSING_POST_MORTEM), sound(31));

        DentalComparison.Result result = DentalComparison.compare(am, pm);

        assertThat(result.concordant()).isEmpty();
        assertThat(result.explainable()).isEmpty();
        assertThat(result.unexplainable()).isEmpty();
    }

    @Test
    void chartsAreCheckedAsTheFormsNumberAndCodeTeeth() {
        assertThatThrownBy(() -> sound(19)).isInstanceOf(RuleViolation.class).hasMessageContaining("FDI");
        assertThatThrownBy(() -> sound(56)).isInstanceOf(RuleViolation.class).hasMessageContaining("FDI");
        assertThatThrownBy(() -> sound(9)).isInstanceOf(RuleViolation.class);
        assertThat(sound(85).tooth()).isEqualTo(85);
        assertThatThrownBy(() -> filled(16, "MX")).isInstanceOf(RuleViolation.class).hasMessageContaining("M, O, D, B and L");
        assertThatThrownBy(() -> filled(16, "MM")).isInstanceOf(RuleViolation.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new ToothRecord(16, ToothState.MISSING_ANTE_MORTEM, "O", false, false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("PRESENT");
        assertThatThrownBy(() -> DentalComparison.compare(List.of(sound(16), filled(16, "O")), List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("charted twice");
        assertThat(filled(16, "DOM").filling()).isEqualTo("MOD");
    }
}
