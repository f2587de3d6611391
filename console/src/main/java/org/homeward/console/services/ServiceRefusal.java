package org.homeward.console.services;

import java.util.List;

/**
 * A service answered with an error: its status and the RFC 9457 problem it gave (title, detail and the
 * field errors of a validation failure), shown to the person as a page, never as a stack trace. Status 502
 * stands for a service that could not be reached.
 */
public class ServiceRefusal extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceRefusal(int status, String title, String detail, List<FieldError> errors) {
        super(status + " " + title, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
