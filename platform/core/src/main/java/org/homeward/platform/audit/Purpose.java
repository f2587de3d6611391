package org.homeward.platform.audit;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The purpose a caller declares for its request (header {@value #HEADER}), recorded with every audited
 * action (purpose limitation, ICRC Handbook on Data Protection in Humanitarian Action). Without the header
 * the purpose defaults from the caller's role.
 */
@RequestScoped
public class Purpose {

    public static final String HEADER = "Homeward-Purpose";
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N} ._:/-]{1,120}");
    private static final Map<String, String> DEFAULT_BY_ROLE = Map.of(
            Roles.COORDINATOR, "exchange-coordination",
            Roles.MEDIATOR, "mediation",
            Roles.INTERMEDIARY, "humanitarian-protection",
            Roles.FORENSIC_EXAMINER, "forensic-identification",
            Roles.SUBSCRIBER_ADMIN, "notification-management",
            Roles.AUDITOR, "accountability-audit",
            Roles.OPERATOR, "operations",
            Roles.OBSERVER, "public-information");
    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.FORENSIC_EXAMINER, Roles.COORDINATOR,
            Roles.MEDIATOR, Roles.INTERMEDIARY, Roles.AUDITOR, Roles.OPERATOR, Roles.SUBSCRIBER_ADMIN, Roles.OBSERVER);

    private final HttpServerRequest request;
    private final Caller caller;

    public Purpose(HttpServerRequest request, Caller caller) {
        this.request = request;
        this.caller = caller;
    }

    public String declared() {
        String header = request.getHeader(HEADER);
        if (header != null) {
            if (!VALID.matcher(header).matches()) {
                throw new ProblemException(ProblemType.BAD_REQUEST,
                        HEADER + " must be 1 to 120 letters, digits, spaces or . _ : / -");
            }
            return header;
        }
        return ROLE_PRECEDENCE.stream().filter(caller::hasRole).findFirst()
                .map(DEFAULT_BY_ROLE::get).orElse("unspecified");
    }
}
