package org.homeward.identification.cases.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import org.homeward.identification.cases.CaseCounts;
import org.homeward.identification.cases.IdentificationMethod;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.ReturnedTo;
import org.homeward.platform.domain.AccessScope;
import org.homeward.platform.messaging.outbox.Outbox;
import org.homeward.platform.messaging.outbox.OutboxPublisher;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The public identification events (DESIGN.md 4), written to the outbox in the caller's transaction and
 * keyed by case. Ids, states and counts only: no claimed or established identity, no tag, and never a
 * proposal or a candidate (only confirmed outcomes leave the laboratory). Schemas:
 * src/main/resources/events/identification.*.json.
 */
@ApplicationScoped
public class CaseEvents implements OutboxPublisher {

    public static final String AGGREGATE_TYPE = "case";
    public static final String OPENED = "identification.case.opened";
    public static final String WITHDRAWN = "identification.case.withdrawn";
    public static final String NOT_A_NATIONAL = "identification.case.not-a-national";
    public static final String UNIDENTIFIABLE = "identification.case.unidentifiable";
    public static final String RETURNED = "identification.case.returned";
    /** The case's remains were found to be a fragment of another case's person, which carries them on. */
    public static final String JOINED = "identification.case.joined";
    public static final String IDENTIFICATION_CONFIRMED = "identification.identification.confirmed";
    /** A confirmed identification undone by a confirmed revocation (two examiners); the case is open again. */
    public static final String IDENTIFICATION_REVOKED = "identification.identification.revoked";

    /**
     * The public state of a case after the change, with its transfer's counts.
     *
     * @param identificationId        set once an identification is confirmed
     * @param returnedTo              set once the remains are handed over
     * @param revokedIdentificationId only on a revocation: the identification that no longer stands, so that
     *                                a subscriber finds what it recorded from the confirmation
     * @param splitFromCaseId         a case opened for an individual split off another case's remains: that case
     * @param joinedIntoCaseId        a case JOINED: the case its remains were joined into
     */
    public record CasePublicState(UUID caseId, long sequence, UUID itemId, UUID transferId, UUID agreementId,
                                  String fromParty, String toParty, String status, String assignedOrganisation,
                                  Instant openedAt, UUID identificationId, IdentificationMethod method,
                                  ReturnedTo returnedTo, CaseCounts transferCounts, AccessScope accessScope,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) UUID revokedIdentificationId,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) UUID splitFromCaseId,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) UUID joinedIntoCaseId) {
    }

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Set<String> aggregateTypes() {
        return Set.of(AGGREGATE_TYPE);
    }

    public void publish(String type, RemainsCase remainsCase, CaseCounts transferCounts) {
        publish(type, remainsCase, transferCounts, null);
    }

    public void publish(String type, RemainsCase remainsCase, CaseCounts transferCounts, UUID revokedIdentificationId) {
        outbox.append(AGGREGATE_TYPE, remainsCase.id().toString(), type, new CasePublicState(remainsCase.id(),
                remainsCase.eventSequence(), remainsCase.itemId(), remainsCase.transferId(), remainsCase.agreementId(),
                remainsCase.fromParty(), remainsCase.toParty(), remainsCase.status().name(),
                remainsCase.assignedOrganisation(), remainsCase.openedAt(), remainsCase.identificationId(),
                remainsCase.identificationMethod(), remainsCase.returnedTo(), transferCounts,
                remainsCase.accessScope(), revokedIdentificationId, remainsCase.splitFrom(), remainsCase.joinedInto()));
    }
}
