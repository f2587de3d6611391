package org.homeward.identification.retention.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** How long closed subjects are kept before an operator may erase them (docs/operators.md). */
@ConfigMapping(prefix = "homeward.retention")
public interface RetentionPeriods {

    /** A case, counted from its return to the family or the party. */
    @WithDefault("P10Y")
    Period caseAfterReturn();

    /** A register entry, counted from the day he was released, identified dead or found alive. */
    @WithDefault("P10Y")
    Period registerEntryAfterClosure();
}
