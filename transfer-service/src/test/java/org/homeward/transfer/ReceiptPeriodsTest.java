package org.homeward.transfer;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Period summaries count receipts on the handover point's local date, as the agreement ledger does. */
class ReceiptPeriodsTest {

    /** Received as claimed, but for the first handover of the story: 1,215 on the manifest, 1,212 arrived. */
    private static ReceiptPeriods.Receipt receipt(String from, String to, String at, String zone, int received) {
        return new ReceiptPeriods.Receipt(from, to, TransferKind.REMAINS, Instant.parse(at), zone,
                received == 1212 ? 1215 : received, received);
    }

    @Test
    void sundayNightUtcInKyivCountsOnMondayInTheNextIsoWeek() {
        List<ReceiptPeriods.Receipt> receipts = List.of(
                receipt("RU", "UA", "2025-06-15T22:30:00Z", "Europe/Kyiv", 1200),   // Monday 16 June 01:30 in Kyiv
                receipt("RU", "UA", "2025-06-15T20:00:00Z", "Europe/Kyiv", 1212),   // Sunday 15 June 23:00 in Kyiv
                receipt("UA", "RU", "2025-06-14T10:00:00Z", "Europe/Moscow", 27),
                receipt("RU", "UA", "2025-06-23T10:00:00Z", "Europe/Kyiv", 5));     // outside the range
        assertThat(ReceiptPeriods.summarise(receipts, PeriodGrouping.WEEK, LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 22)))
                .containsExactly(
                        new ReceiptPeriods.PeriodTotal("2025-W24", "RU", "UA", TransferKind.REMAINS, 1, 1215, 1212),
                        new ReceiptPeriods.PeriodTotal("2025-W24", "UA", "RU", TransferKind.REMAINS, 1, 27, 27),
                        new ReceiptPeriods.PeriodTotal("2025-W25", "RU", "UA", TransferKind.REMAINS, 1, 1200, 1200));
        assertThat(ReceiptPeriods.summarise(receipts, PeriodGrouping.DAY, LocalDate.of(2025, 6, 16), LocalDate.of(2025, 6, 16)))
                .containsExactly(new ReceiptPeriods.PeriodTotal("2025-06-16", "RU", "UA", TransferKind.REMAINS, 1, 1200, 1200));
    }

    @Test
    void theIsoWeekYearIsNotTheCalendarYear() {
        assertThat(PeriodGrouping.WEEK.label(LocalDate.of(2024, 12, 30))).isEqualTo("2025-W01");
        assertThat(PeriodGrouping.WEEK.label(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    }
}
