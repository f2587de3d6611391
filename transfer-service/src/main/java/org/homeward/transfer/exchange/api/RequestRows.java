package org.homeward.transfer.exchange.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.problem.ProblemException;
import org.homeward.transfer.application.ItemProblems;
import org.homeward.transfer.exchange.application.ExchangeLists;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;
import org.homeward.transfer.manifest.format.ManifestFormat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Requests uploaded as a spreadsheet (CSV with a header row naming the fields of a request), checked whole by the
 * same rules as the JSON body: every row's every fault named by row and field, never by value, or the requests.
 */
final class RequestRows {

    static final List<String> COLUMNS = List.of("surname", "firstNames", "patronymic", "script", "language",
            "dateOfBirth", "serviceNumber");

    private RequestRows() {
    }

    static ExchangeListResource.RequestsRequest read(byte[] body, Validator validator) {
        List<RowError> errors = new ArrayList<>();
        List<ExchangeListResource.PersonRequest> persons = new ArrayList<>();
        try {
            for (ManifestRow row : ManifestFormat.CSV.read(body, COLUMNS, "requests", "a list of requested persons",
                    ExchangeLists.MAX_REQUESTS)) {
                ExchangeListResource.PersonRequest person = new ExchangeListResource.PersonRequest(row.cell("surname"),
                        row.cell("firstNames"), row.cell("patronymic"), row.cell("script"), row.cell("language"),
                        row.cell("dateOfBirth"), row.cell("serviceNumber"));
                validator.validate(person).stream()
                        .sorted(Comparator.comparing((ConstraintViolation<?> v) -> v.getPropertyPath().toString()))
                        .forEach(v -> errors.add(RowError.cell(row, v.getPropertyPath().toString(), v.getMessage())));
                if (row.cell("dateOfBirth") != null) {
                    try {
                        BirthDate.parse(row.cell("dateOfBirth"));
                    } catch (RuleViolation e) {
                        errors.add(RowError.cell(row, "dateOfBirth", e.getMessage()));
                    }
                }
                persons.add(person);
            }
        } catch (ItemsRejected rejected) {
            throw rejection(rejected);
        }
        if (persons.isEmpty()) {
            errors.add(RowError.file("No request: a header row, then one request per row"));
        }
        if (!errors.isEmpty()) {
            throw rejection(new ItemsRejected(errors));
        }
        return new ExchangeListResource.RequestsRequest(persons);
    }

    private static ProblemException rejection(ItemsRejected rejected) {
        return ItemProblems.of("The requests were rejected; nothing was stored", rejected);
    }
}
