package org.homeward.platform.messaging.replay;

import java.time.Instant;

/**
 * What one rebuild did: how many records it read up to the end offsets taken after the projection was
 * cleared, how many it applied, how many the live consumer had applied meanwhile (duplicates) and how many
 * could never apply (poison: unparseable or refused by the handler, as the live consumer found them too).
 */
public record RebuildReport(String consumer, String topic, int partitions, long recordsRead, long applied,
                            long duplicates, long refused, Instant startedAt, Instant finishedAt) {
}
