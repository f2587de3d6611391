package org.homeward.identification.cases.api;

import org.homeward.identification.cases.CustodyChain;
import org.homeward.identification.cases.CustodyEntry;
import org.homeward.identification.cases.Examination;
import org.homeward.identification.cases.ExaminationKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Evidence as the laboratory reads it. */
public final class EvidenceResponses {

    private EvidenceResponses() {
    }

    public record ExaminationResponse(UUID id, ExaminationKind kind, String examiner, LocalDate examinedOn,
                                      String method, String findings, String recordedBy, Instant recordedAt) {

        static ExaminationResponse of(Examination e) {
            return new ExaminationResponse(e.id(), e.kind(), e.examiner(), e.examinedOn(), e.method(), e.findings(),
                    e.recorded().subject(), e.recorded().at());
        }
    }

    /** One link of the chain; heldUntil is when the next link of the same item began (null: still held). */
    public record CustodyResponse(UUID id, int position, String item, String sampleType, String heldBy,
                                  String location, Instant heldFrom, Instant heldUntil, String recordedBy,
                                  Instant recordedAt) {

        static CustodyResponse of(CustodyEntry e, Instant heldUntil) {
            return new CustodyResponse(e.id(), e.position(), e.item(), e.sampleType(), e.heldBy(), e.location(),
                    e.heldFrom(), heldUntil, e.recorded().subject(), e.recorded().at());
        }

        static List<CustodyResponse> of(CustodyChain chain) {
            return chain.entries().stream().map(e -> of(e, chain.heldUntil(e).orElse(null))).toList();
        }
    }
}
