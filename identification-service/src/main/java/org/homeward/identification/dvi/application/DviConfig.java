package org.homeward.identification.dvi.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The laboratory's rules for identification beyond DNA (homeward.dvi.*). */
@ConfigMapping(prefix = "homeward.dvi")
public interface DviConfig {

    /**
     * Dental points of concordance (teeth whose restoration, extraction, implant or pontic is the same in both charts),
     * with no unexplainable discrepancy, for odontology to count as a primary identifier in the reconciliation. No
     * number is universal (odontologists judge the whole chart); this one only decides what the board lists as
     * primary, and an examiner still proposes and a second confirms.
     */
    @WithDefault("4")
    @Min(1)
    @Max(32)
    int dentalPointsToIdentify();

    /** The most missing persons one reconciliation lists. */
    @WithDefault("200")
    @Min(1)
    int maxListed();
}
