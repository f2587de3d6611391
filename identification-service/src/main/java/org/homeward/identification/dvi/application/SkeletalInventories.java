package org.homeward.identification.dvi.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseCounts;
import org.homeward.identification.cases.application.CaseFilter;
import org.homeward.identification.cases.application.CaseStatistics;
import org.homeward.identification.dvi.comparison.InventoryEntry;
import org.homeward.identification.dvi.comparison.PostMortem;
import org.homeward.identification.dvi.comparison.SkeletalInventory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The minimum number of individuals a handover's remains show, from the skeletal inventories of its cases' post-mortem
 * records, beside the items received and the individuals established: counts only, for every reader of statistics.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SkeletalInventories {

    private final EntityManager entityManager;
    private final CaseStatistics statistics;

    public SkeletalInventories(EntityManager entityManager, CaseStatistics statistics) {
        this.entityManager = entityManager;
        this.statistics = statistics;
    }

    /** {@code casesInventoried}: the cases whose post-mortem record has an inventory, of the handover's not withdrawn. */
    public record HandoverCount(UUID transferId, long itemsReceived, long individuals, long casesInventoried,
                                SkeletalInventory.Count inventory) {
    }

    public HandoverCount ofTransfer(UUID transferId) {
        // Joined fragments stay in the count: their bones arrived in this handover, whoever's case carries them now.
        List<List<InventoryEntry>> inventories = entityManager.createQuery("select r.findings from PostMortemRecord r,"
                        + " RemainsCase c where r.caseId = c.id and c.transferId = :transfer and c.status <> WITHDRAWN"
                        + " and r.version = (select max(o.version) from PostMortemRecord o where o.caseId = r.caseId)",
                        PostMortem.class)
                .setParameter("transfer", transferId).getResultStream()
                .map(PostMortem::inventory).filter(Objects::nonNull).toList();
        CaseCounts counts = statistics.counts(CaseFilter.ofTransfer(transferId));
        return new HandoverCount(transferId, counts.received(), counts.individuals(), inventories.size(),
                SkeletalInventory.of(inventories));
    }
}
