package org.homeward.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * A party's signature of one version. The signatory's name and title are personal data: they are shown
 * to those who may read the agreement, audited, and never put on an event.
 */
@Embeddable
public record Signature(@Column(name = "party") String party,
                        @Column(name = "signatory_name") String signatoryName,
                        @Column(name = "signatory_title") String signatoryTitle,
                        @Column(name = "signed_at") Instant signedAt,
                        @Column(name = "recorded_by") String recordedBy) {
}
