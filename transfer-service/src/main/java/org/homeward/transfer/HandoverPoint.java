package org.homeward.transfer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a handover happens. Its IANA time zone decides on which day (and ISO week) a receipt counts,
 * here and in agreement-service's ledger alike.
 */
@Embeddable
public record HandoverPoint(@Column(name = "handover_name") String name,
                            @Column(name = "handover_latitude") Double latitude,
                            @Column(name = "handover_longitude") Double longitude,
                            @Column(name = "handover_time_zone") String timeZone) {
}
