package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.platform.security.Caller;
import org.homeward.transfer.exchange.EntryChange;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;

import java.time.Instant;

/** Every change of an entry's status, kept with its reason, its round and the caller who made it (append-only). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class EntryHistory {

    private final EntityManager entityManager;
    private final Caller caller;

    public EntryHistory(EntityManager entityManager, Caller caller) {
        this.entityManager = entityManager;
        this.caller = caller;
    }

    public void record(ExchangeList list, ExchangeEntry entry, ExchangeEntry.Change change, Instant now) {
        recordBy(list, entry, change, caller.subject(), caller.organisation(), now);
    }

    /** A change no caller made (a consumer applying another service's event), under the name of its cause. */
    public void recordBy(ExchangeList list, ExchangeEntry entry, ExchangeEntry.Change change, String subject,
                         String organisation, Instant now) {
        entityManager.persist(new EntryChange(entry.id(), list.round(), change.from(), change.to(), change.reason(),
                subject, organisation, now));
    }

}
