package org.homeward.identification.cases.api;

import org.homeward.identification.cases.CaseHistoryEntry;
import org.homeward.identification.cases.application.CaseQueries;

import java.time.Instant;
import java.util.List;

/** One change of a case; the reason and the person only for those who see the case work. */
public record HistoryResponse(String kind, String from, String to, String reason, String actorSubject,
                              String actorOrganisation, Instant occurredAt) {

    public static List<HistoryResponse> of(CaseQueries.History history) {
        boolean details = history.visibility().seesCaseWork();
        return history.entries().stream().map(h -> new HistoryResponse(h.kind(), h.fromValue(), h.toValue(),
                details ? h.reason() : null, details ? h.actorSubject() : null, h.actorOrganisation(),
                h.occurredAt())).toList();
    }
}
