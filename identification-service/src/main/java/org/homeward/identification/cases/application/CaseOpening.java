package org.homeward.identification.cases.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.identification.cases.CaseHistoryEntry;
import org.homeward.identification.cases.CaseStatus;
import org.homeward.identification.cases.ItemState;
import org.homeward.identification.cases.RemainsCase;
import org.homeward.identification.cases.RemainsItem;
import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.shared.IdentificationConfig;
import org.homeward.identification.shared.ItemLock;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Applies transfer-service's item records to cases, inside the consumer's inbox transaction: one case per
 * remains item, however often and in whatever order its records come. The highest item sequence wins; a
 * withdrawal closes the case; a withdrawal that comes before the arrival still leaves one case, opened and
 * withdrawn, so the outcome never depends on the order of delivery.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CaseOpening {

    private static final Logger LOG = Logger.getLogger(CaseOpening.class);

    private final EntityManager entityManager;
    private final ItemLock itemLock;
    private final IdentificationConfig config;
    private final CaseAnnouncements announcements;
    private final Clock clock;

    public CaseOpening(EntityManager entityManager, ItemLock itemLock, IdentificationConfig config, CaseAnnouncements announcements,
                       Clock clock) {
        this.entityManager = entityManager;
        this.itemLock = itemLock;
        this.config = config;
        this.announcements = announcements;
        this.clock = clock;
    }

    public void apply(RemainsItem item) {
        itemLock.lock(item.itemId());
        Instant now = Instant.now(clock);
        // The item's own case: individuals split off it later share its item but not its records.
        RemainsCase existing = entityManager.createQuery("select c from RemainsCase c where c.itemId = :item and c.individual = 1",
                RemainsCase.class).setParameter("item", item.itemId()).getResultList().stream().findFirst().orElse(null);
        if (existing == null) {
            open(item, now);
            return;
        }
        if (!existing.isOlderThan(item.sequence())) {
            return; // a duplicate, or a record older than the one already applied
        }
        if (item.state() == ItemState.WITHDRAWN) {
            withdraw(existing, item, now);
        } else {
            existing.acknowledge(item.sequence());
        }
    }

    private void open(RemainsItem item, Instant now) {
        String laboratory = config.defaultLaboratory(item.toParty()).orElse(null);
        if (laboratory == null) {
            LOG.warnf("No identifying laboratory is configured for party %s: case left unassigned until a"
                    + " coordinator assigns it (homeward.identification.laboratories.%s)", item.toParty(), item.toParty());
        }
        RemainsCase opened = RemainsCase.open(item, laboratory, now);
        entityManager.persist(opened);
        entityManager.persist(opened.openingEntry());
        announcements.announce(CaseEvents.OPENED, opened);
        if (item.state() == ItemState.WITHDRAWN) {
            withdraw(opened, item, now);
        }
    }

    private void withdraw(RemainsCase remainsCase, RemainsItem item, Instant now) {
        boolean split = entityManager.createQuery("select count(c) from RemainsCase c where c.itemId = :item",
                Long.class).setParameter("item", item.itemId()).getSingleResult() > 1;
        CaseHistoryEntry entry = remainsCase.withdraw(item.sequence(), split, now);
        entityManager.persist(entry);
        if (remainsCase.status() == CaseStatus.WITHDRAWN && CaseHistoryEntry.STATUS.equals(entry.kind())) {
            announcements.announce(CaseEvents.WITHDRAWN, remainsCase);
        }
    }
}
