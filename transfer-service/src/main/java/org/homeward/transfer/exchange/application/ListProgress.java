package org.homeward.transfer.exchange.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.homeward.transfer.application.AgreementSnapshot;
import org.homeward.transfer.exchange.Eligibility;
import org.homeward.transfer.exchange.EntryStatus;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.readmodel.AgreementView;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a list's term stands, counted from the records (never kept as counters that could drift), and the public
 * topic told of it whenever it may have moved.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ListProgress {

    private final EntityManager entityManager;
    private final ExchangeListEvents events;

    public ListProgress(EntityManager entityManager, ExchangeListEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Where the term stands, counted from the records: the prisoners held from the receiving party on the
     * reference date who qualify, and of them the released, the declined and the dead; what is offered and
     * verified; what remains. An all-for-all term is complete when nothing remains.
     */
    public ExchangeProgress of(ExchangeList list) {
        // Counts only: the prisoners' particulars are not loaded, and findings come in one query when they matter.
        List<Object[]> held = entityManager.createQuery("select p.id, p.dateOfBirth, p.capturedOn, p.status, p.diedOn,"
                        + " p.releasedOn from HeldPrisoner p where p.detainingParty = :d and p.partyOfOrigin = :o"
                        + " and p.capturedOn <= :ref", Object[].class)
                .setParameter("d", list.detainingParty()).setParameter("o", list.receivingParty())
                .setParameter("ref", list.referenceDate()).getResultList();
        Map<UUID, EntryStatus> offerStatus = new HashMap<>();
        long offered = 0;
        long verified = 0;
        for (Object[] offer : entityManager.createQuery("select e.prisonerId, e.status, e.unmetRule from ExchangeEntry e"
                + " where e.listId = :list and e.kind = :offer", Object[].class).setParameter("list", list.id())
                .setParameter("offer", ExchangeEntry.Kind.OFFER).getResultList()) {
            EntryStatus status = (EntryStatus) offer[1];
            boolean qualifies = offer[2] == null;
            offerStatus.put((UUID) offer[0], status);
            offered += qualifies ? 1 : 0;
            verified += qualifies && switch (status) {
                case ICRC_VERIFIED, SCHEDULED, RELEASED -> true;
                default -> false;
            } ? 1 : 0;
        }
        Map<UUID, Boolean> findings = "SERIOUSLY_WOUNDED_OR_SICK".equals(list.category())
                ? findingsOnReferenceDate(list, held.stream().map(row -> (UUID) row[0]).toList()) : Map.of();
        long eligible = 0;
        long released = 0;
        long declined = 0;
        long died = 0;
        for (Object[] row : held) {
            UUID id = (UUID) row[0];
            LocalDate diedOn = (LocalDate) row[4];
            LocalDate releasedOn = (LocalDate) row[5];
            // Held on the reference date: captured by then, and neither dead nor released before it.
            boolean heldOnReferenceDate = (diedOn == null || !diedOn.isBefore(list.referenceDate()))
                    && (releasedOn == null || !releasedOn.isBefore(list.referenceDate()));
            if (!heldOnReferenceDate || Eligibility.unmet(list.category(), list.referenceDate(), (LocalDate) row[1],
                    (LocalDate) row[2], findings.get(id)).isPresent()) {
                continue;
            }
            eligible++;
            PrisonerStatus status = (PrisonerStatus) row[3];
            if (status == PrisonerStatus.RELEASED) {
                released++;
            } else if (status == PrisonerStatus.DIED) {
                died++;
            } else if (offerStatus.get(id) == EntryStatus.DECLINES_REPATRIATION) {
                declined++;
            }
        }
        long remaining = eligible - released - declined - died;
        // Complete only once there was someone to exchange: a list with no record yet is not a finished one.
        return new ExchangeProgress(list.round(), eligible, offered, verified, released, declined, died, remaining,
                eligible > 0 && remaining == 0);
    }

    /**
     * Each prisoner's latest commission decision made on or before the list's reference date (a later one does
     * not count), in one query; absent when the commission decided nothing on him by then.
     */
    @SuppressWarnings("unchecked")
    Map<UUID, Boolean> findingsOnReferenceDate(ExchangeList list, List<UUID> prisonerIds) {
        Map<UUID, Boolean> latest = new HashMap<>();
        if (prisonerIds.isEmpty()) {
            return latest;
        }
        List<Object[]> rows = entityManager.createNativeQuery("select distinct on (prisoner_id) prisoner_id,"
                        + " seriously_wounded_or_sick from medical_finding where prisoner_id = any(cast(?1 as uuid[]))"
                        + " and decided_on <= ?2 order by prisoner_id, decided_on desc, recorded_at desc")
                .setParameter(1, prisonerIds.toArray(new UUID[0])).setParameter(2, list.referenceDate()).getResultList();
        rows.forEach(row -> latest.put((UUID) row[0], (Boolean) row[1]));
        return latest;
    }

    /** The counts of every list given may have moved (held, eligible, died): each tells where it stands. */
    void announceLists(List<ExchangeList> lists) {
        for (ExchangeList list : lists) {
            AgreementView view = entityManager.find(AgreementView.class, list.agreementId());
            if (view != null) {
                announce(list, AgreementSnapshot.of(view));
            }
        }
    }

    /** Tells the public topic where the list's term stands now (counts only). */
    void announce(ExchangeList list, AgreementSnapshot agreement) {
        events.progressed(list, of(list), agreement.mediatorsOrEmpty(), agreement.intermediariesOrEmpty());
    }

}
