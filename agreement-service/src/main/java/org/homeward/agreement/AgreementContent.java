package org.homeward.agreement;

import java.time.LocalDate;
import java.util.List;

/** The editable content of a draft: its description, effective date and terms. */
public record AgreementContent(String reference, String title, LocalDate concludedOn, String venue, String notes,
                               LocalDate effectiveDate, List<Term> terms) {
}
