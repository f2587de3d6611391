package org.homeward.platform.messaging.replay;

import java.time.Instant;

/**
 * What one rebuild did: how many records it read up to the end offsets taken after the projection was
 * cleared, how many it applied, how many the live consumer had applied meanwhile (duplicates) and how many
 * it could not apply (poison or a handler failure, which the live consumer dead-lettered when it met them).
 */
public record RebuildReport(String consumer, String topic, int partitions, long recordsRead, long applied,
                            long duplicates, long refused, Instant startedAt, Instant finishedAt) {
}
