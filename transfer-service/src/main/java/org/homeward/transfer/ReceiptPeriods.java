package org.homeward.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Receipts summed per period and direction, on the basis agreement-service's ledger uses: a receipt counts
 * on its date in the handover point's time zone (a body received on Sunday 22:30 UTC in Kyiv counts on
 * Monday, and so in the next ISO week).
 */
public final class ReceiptPeriods {

    /**
     * One received transfer: its direction, kind, when and where it was received, how many its manifest claimed
     * and how many arrived.
     */
    public record Receipt(String fromParty, String toParty, TransferKind kind, Instant receivedAt, String timeZone,
                          int claimed, int received) {
    }

    /**
     * What arrived in one period in one direction, of one kind: {@code claimed} on the transfers' manifests (what the
     * sender said it sent), {@code received} counted at the receipts.
     */
    public record PeriodTotal(String period, String fromParty, String toParty, TransferKind kind, int transfers,
                              int claimed, int received) {
    }

    private ReceiptPeriods() {
    }

    /**
     * @param from first local date counted, inclusive
     * @param to   last local date counted, inclusive
     */
    public static List<PeriodTotal> summarise(List<Receipt> receipts, PeriodGrouping grouping, LocalDate from,
                                              LocalDate to) {
        Map<List<String>, int[]> totals = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
                .thenComparing(key -> key.get(1)).thenComparing(key -> key.get(2)).thenComparing(key -> key.get(3)));
        for (Receipt receipt : receipts) {
            LocalDate day = receipt.receivedAt().atZone(ZoneId.of(receipt.timeZone())).toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            int[] total = totals.computeIfAbsent(List.of(grouping.label(day), receipt.fromParty(), receipt.toParty(),
                    receipt.kind().name()), key -> new int[3]);
            total[0]++;
            total[1] += receipt.claimed();
            total[2] += receipt.received();
        }
        List<PeriodTotal> result = new ArrayList<>();
        totals.forEach((key, total) -> result.add(new PeriodTotal(key.get(0), key.get(1), key.get(2),
                TransferKind.valueOf(key.get(3)), total[0], total[1], total[2])));
        return result;
    }
}
