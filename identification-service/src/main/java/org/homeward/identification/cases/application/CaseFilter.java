package org.homeward.identification.cases.application;

import org.homeward.identification.cases.CaseStatus;
import org.homeward.platform.domain.RuleViolation;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Which cases a list or a count covers; every criterion optional. The period is of receipt, by the day in
 * the handover point's time zone (as the agreement ledger counts), both ends inclusive.
 */
public record CaseFilter(UUID agreementId, UUID transferId, CaseStatus status, String claimedNationality,
                         LocalDate receivedFrom, LocalDate receivedTo) {

    public CaseFilter {
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            throw new RuleViolation("receivedTo", "The period ends before it begins");
        }
    }

    public static CaseFilter ofTransfer(UUID transferId) {
        return new CaseFilter(null, transferId, null, null, null, null);
    }

    /** The JPQL conditions on alias {@code c}, starting with "and", and their parameters. */
    String conditions(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        add(where, parameters, "c.agreementId = :agreementId", "agreementId", agreementId);
        add(where, parameters, "c.transferId = :transferId", "transferId", transferId);
        add(where, parameters, "c.status = :status", "status", status);
        add(where, parameters, "c.claims.nationality = :nationality", "nationality", claimedNationality);
        add(where, parameters, "c.receivedOn >= :receivedFrom", "receivedFrom", receivedFrom);
        add(where, parameters, "c.receivedOn <= :receivedTo", "receivedTo", receivedTo);
        return where.toString();
    }

    private static void add(StringBuilder where, Map<String, Object> parameters, String condition, String name,
                            Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.put(name, value);
        }
    }
}
