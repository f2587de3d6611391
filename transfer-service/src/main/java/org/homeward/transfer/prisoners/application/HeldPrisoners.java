package org.homeward.transfer.prisoners.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.homeward.platform.audit.AuditLog;
import org.homeward.platform.domain.RuleViolation;
import org.homeward.platform.paging.PageRequest;
import org.homeward.platform.persistence.RerunsLostRaces;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Roles;
import org.homeward.transfer.application.ItemProblems;
import org.homeward.transfer.manifest.ItemsRejected;
import org.homeward.transfer.manifest.ManifestRow;
import org.homeward.transfer.manifest.RowError;
import org.homeward.transfer.manifest.format.ManifestFormat;
import org.homeward.transfer.prisoners.HeldPrisoner;
import org.homeward.transfer.prisoners.MedicalFinding;
import org.homeward.transfer.prisoners.PrisonerChanged;
import org.homeward.transfer.prisoners.PrisonersRecorded;
import org.homeward.transfer.prisoners.PrisonerParticulars;
import org.homeward.transfer.prisoners.PrisonerStatus;
import org.homeward.transfer.prisoners.messaging.PrisonersHeldEvents;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The prisoners of war a party holds, as its National Information Bureau records them: single records and
 * bulk imports (checked whole), the record, the capture card and the Art. 122 notification list for the ICRC
 * Central Tracing Agency, Mixed Medical Commission decisions, and deaths in captivity. Only the detaining
 * party's coordinators read or write its prisoners (to anyone else they do not exist), and every read is
 * audited. The public topic hears counts per detaining party and party of origin, never a person.
 */
@ApplicationScoped
@Transactional
@RerunsLostRaces
public class HeldPrisoners {

    /** The most prisoners one import may hold. */
    public static final int MAX_ROWS = 20_000;
    /** The longest period one notification list covers. */
    static final long MAX_LIST_DAYS = 366;

    private final EntityManager entityManager;
    private final Caller caller;
    private final AuditLog audit;
    private final PrisonerCounts counts;
    private final Event<PrisonerChanged> changed;
    private final Event<PrisonersRecorded> recorded;
    private final Clock clock;

    public HeldPrisoners(EntityManager entityManager, Caller caller, AuditLog audit, PrisonerCounts counts,
                         Event<PrisonerChanged> changed, Event<PrisonersRecorded> recorded, Clock clock) {
        this.changed = changed;
        this.recorded = recorded;
        this.entityManager = entityManager;
        this.caller = caller;
        this.audit = audit;
        this.counts = counts;
        this.clock = clock;
    }

    /** One prisoner recorded by a coordinator of the detaining party (the caller's). */
    public HeldPrisoner record(Map<String, String> fields) {
        String party = detainingParty();
        List<RowError> errors = new ArrayList<>();
        PrisonerParticulars particulars = PrisonerRows.of(new ManifestRow(1, null, fields), today(), errors);
        if (particulars == null) {
            throw ItemProblems.of("The prisoner was not recorded", new ItemsRejected(errors.stream()
                    .map(e -> new RowError(e.field().replaceFirst("^rows\\[1]\\.?", ""), e.message())).toList()));
        }
        HeldPrisoner prisoner = HeldPrisoner.record(party, particulars, caller.organisation(), Instant.now(clock));
        entityManager.persist(prisoner);
        audit.record("prisoner.record", "held_prisoner", prisoner.id().toString());
        // The lists first, then the counts' lock: the order every writer takes them in (prisoners, lists, counts).
        recorded.fire(new PrisonersRecorded(party, Set.of(prisoner.partyOfOrigin())));
        counts.publish(PrisonersHeldEvents.RECORDED, party, Set.of(prisoner.partyOfOrigin()));
        return prisoner;
    }

    /** The prisoners of an upload, checked whole: one bad cell rejects all, with every row and field at fault. */
    public int importAll(ManifestFormat format, byte[] upload) {
        String party = detainingParty();
        List<ManifestRow> rows;
        try {
            rows = format.read(upload, PrisonerRows.COLUMNS, "prisoners", "a list of prisoners held", MAX_ROWS);
        } catch (ItemsRejected unusable) {
            throw ItemProblems.of("The import was rejected; nothing was stored", unusable);
        }
        if (rows.isEmpty()) {
            throw new RuleViolation("prisoners", "An import holds at least one prisoner");
        }
        List<RowError> errors = new ArrayList<>();
        List<PrisonerParticulars> all = new ArrayList<>(rows.size());
        LocalDate today = today();
        for (ManifestRow row : rows) {
            PrisonerParticulars particulars = PrisonerRows.of(row, today, errors);
            if (particulars != null && party.equals(particulars.partyOfOrigin())) {
                errors.add(RowError.cell(row, "partyOfOrigin", "A party does not hold its own people as prisoners of war"));
            }
            all.add(particulars);
        }
        if (!errors.isEmpty()) {
            throw ItemProblems.of("The import was rejected; nothing was stored", new ItemsRejected(errors));
        }
        Instant now = Instant.now(clock);
        Set<String> origins = new TreeSet<>();
        for (PrisonerParticulars particulars : all) {
            HeldPrisoner prisoner = HeldPrisoner.record(party, particulars, caller.organisation(), now);
            entityManager.persist(prisoner);
            origins.add(prisoner.partyOfOrigin());
        }
        audit.record("prisoner.import", "held_prisoner", party + ":" + rows.size());
        recorded.fire(new PrisonersRecorded(party, origins));
        counts.publish(PrisonersHeldEvents.RECORDED, party, origins);
        return rows.size();
    }

    /** The caller's party's prisoners in one status, by surname (audited: the list names people). */
    public List<HeldPrisoner> list(PrisonerStatus status, PageRequest page) {
        String party = detainingParty();
        List<HeldPrisoner> found = entityManager.createQuery("select p from HeldPrisoner p where p.detainingParty = :party"
                        + " and p.status = :status order by p.surnameKey, p.id", HeldPrisoner.class)
                .setParameter("party", party).setParameter("status", status)
                .setFirstResult(page.offset()).setMaxResults(page.fetchSize()).getResultList();
        audit.record("prisoner.list", "held_prisoner", party + ":" + status);
        return found;
    }

    /** A prisoner's record with the commission's latest decision on him (null when none). */
    public record PrisonerRecord(HeldPrisoner prisoner, MedicalFinding latestFinding) {
    }

    public PrisonerRecord read(UUID id) {
        HeldPrisoner prisoner = find(id, LockModeType.NONE);
        audit.record("prisoner.read", "held_prisoner", id.toString());
        return new PrisonerRecord(prisoner, latestFinding(id));
    }

    private MedicalFinding latestFinding(UUID prisonerId) {
        return entityManager.createQuery("select f from MedicalFinding f where f.prisonerId = :id"
                        + " order by f.decidedOn desc, f.recordedAt desc", MedicalFinding.class)
                .setParameter("id", prisonerId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    public PrisonerViews.CaptureCard captureCard(UUID id) {
        HeldPrisoner prisoner = find(id, LockModeType.NONE);
        audit.record("prisoner.capture-card", "held_prisoner", id.toString());
        return PrisonerViews.CaptureCard.of(prisoner);
    }

    /**
     * The Art. 122 list for the Central Tracing Agency over [from, to]: what is new to notify, the prisoners
     * recorded in the period (each line dated by his capture, so a capture recorded late is still notified, on its
     * day) and the deaths in captivity in it, in the order they happened.
     */
    public List<PrisonerViews.NotificationLine> notificationList(LocalDate from, LocalDate to) {
        String party = detainingParty();
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_LIST_DAYS) {
            throw new RuleViolation("to", "A period of one day to a year, from its first day to its last");
        }
        Instant start = from.atStartOfDay(clock.getZone()).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
        List<PrisonerViews.NotificationLine> lines = new ArrayList<>();
        entityManager.createQuery("select p from HeldPrisoner p where p.detainingParty = :party and p.recordedAt >= :start"
                        + " and p.recordedAt < :end", HeldPrisoner.class)
                .setParameter("party", party).setParameter("start", start).setParameter("end", end).getResultList()
                .forEach(p -> lines.add(new PrisonerViews.NotificationLine(PrisonerViews.Notified.CAPTURED,
                        p.capturedOn(), PrisonerViews.CaptureCard.of(p))));
        entityManager.createQuery("select p from HeldPrisoner p where p.detainingParty = :party and p.diedOn >= :from"
                        + " and p.diedOn <= :to", HeldPrisoner.class)
                .setParameter("party", party).setParameter("from", from).setParameter("to", to).getResultList()
                .forEach(p -> lines.add(new PrisonerViews.NotificationLine(PrisonerViews.Notified.DIED, p.diedOn(),
                        PrisonerViews.CaptureCard.of(p))));
        lines.sort(Comparator.comparing(PrisonerViews.NotificationLine::on)
                .thenComparing(line -> line.card().prisonerNumber()));
        audit.record("prisoner.notification-list", "held_prisoner", party + ":" + from + ".." + to);
        return lines;
    }

    /** A Mixed Medical Commission's decision on one prisoner (Art. 110, 112). */
    public MedicalFinding recordFinding(UUID id, boolean seriouslyWoundedOrSick, LocalDate decidedOn,
                                        String commissionReference) {
        HeldPrisoner prisoner = find(id, LockModeType.PESSIMISTIC_WRITE);
        MedicalFinding finding = MedicalFinding.of(prisoner, seriouslyWoundedOrSick, decidedOn, commissionReference,
                caller.subject(), today(), Instant.now(clock));
        entityManager.persist(finding);
        entityManager.flush();
        changed.fire(new PrisonerChanged(id));
        audit.record("prisoner.medical-finding", "held_prisoner", id.toString());
        return finding;
    }

    /** A death in captivity (Art. 120): the record closes, and the public topic hears the counts. */
    public PrisonerRecord recordDeath(UUID id, LocalDate diedOn, String place, String cause) {
        HeldPrisoner prisoner = find(id, LockModeType.PESSIMISTIC_WRITE);
        prisoner.died(diedOn, place, cause, today());
        changed.fire(new PrisonerChanged(id));
        audit.record("prisoner.death", "held_prisoner", id.toString());
        counts.publish(PrisonersHeldEvents.DIED, prisoner.detainingParty(), Set.of(prisoner.partyOfOrigin()));
        return new PrisonerRecord(prisoner, latestFinding(id));
    }

    /** A prisoner of the caller's party; to anyone else he does not exist. */
    private HeldPrisoner find(UUID id, LockModeType lock) {
        String party = detainingParty();
        HeldPrisoner prisoner = entityManager.find(HeldPrisoner.class, id, lock);
        if (prisoner == null || !prisoner.detainingParty().equals(party)) {
            throw ProblemException.notFound("Prisoner " + id);
        }
        return prisoner;
    }

    private String detainingParty() {
        if (!caller.hasRole(Roles.COORDINATOR)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "A detaining party's coordinators keep its prisoners");
        }
        return caller.party().orElseThrow(() -> new ProblemException(ProblemType.FORBIDDEN,
                "A detaining party's coordinators keep its prisoners; your token names no party"));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
