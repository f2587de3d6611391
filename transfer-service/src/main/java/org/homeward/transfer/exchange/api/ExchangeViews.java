package org.homeward.transfer.exchange.api;

import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.platform.linkage.Romanisation;
import org.homeward.transfer.exchange.EntryChange;
import org.homeward.transfer.exchange.EntryStatus;
import org.homeward.transfer.exchange.ExchangeEntry;
import org.homeward.transfer.exchange.ExchangeList;
import org.homeward.transfer.exchange.MatchReview;
import org.homeward.transfer.exchange.application.ExchangeProgress;
import org.homeward.transfer.prisoners.HeldPrisoner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the exchange-list API answers. */
public final class ExchangeViews {

    private ExchangeViews() {
    }

    public record ListView(UUID id, UUID agreementId, UUID termId, String detainingParty, String receivingParty,
                    String category, String customCategory, LocalDate referenceDate, int round,
                    ExchangeProgress progress) {

        static ListView of(ExchangeList l, ExchangeProgress progress) {
            return new ListView(l.id(), l.agreementId(), l.termId(), l.detainingParty(), l.receivingParty(),
                    l.category(), l.customCategory(), l.referenceDate(), l.round(), progress);
        }
    }

    /**
     * A person on the list: for an offer, the prisoner as his detainers record him; for a request, as asked. An offer
     * SCHEDULED names its transfer; {@code identityConflict}: identification-service's check of him once released
     * came out CONFLICT with the receiving party's register (a person must look).
     */
    public record EntryView(UUID id, ExchangeEntry.Kind kind, int round, EntryStatus status, String reason,
                     UUID matchedEntryId, UUID prisonerId, String surname, String firstNames, String patronymic,
                     String surnameLatin, String firstNamesLatin, String dateOfBirth, String rank,
                     String serviceNumber, UUID scheduledTransferId, boolean identityConflict) {

        static EntryView of(ExchangeEntry e, HeldPrisoner prisoner) {
            if (prisoner != null) {
                return new EntryView(e.id(), e.kind(), e.round(), e.status(), e.reason(), e.matchedEntryId(),
                        prisoner.id(), prisoner.surname(), prisoner.firstNames(), prisoner.patronymic(),
                        Romanisation.latin(prisoner.surname(), prisoner.language()),
                        Romanisation.latin(prisoner.firstNames(), prisoner.language()),
                        prisoner.dateOfBirth().toString(), prisoner.rank(), prisoner.serviceNumber(),
                        e.scheduledTransferId(), e.identityConflict());
            }
            return new EntryView(e.id(), e.kind(), e.round(), e.status(), e.reason(), e.matchedEntryId(), null,
                    e.surname(), e.firstNames(), e.patronymic(), Romanisation.latin(e.surname(), e.language()),
                    Romanisation.latin(e.firstNames(), e.language()), e.dateOfBirth().toString(), null,
                    e.serviceNumber(), null, e.identityConflict());
        }
    }

    public record ReviewView(UUID id, UUID requestId, UUID offerId, LinkageOutcome outcome, List<String> reasons,
                             MatchReview.Status status, Instant openedAt, Instant decidedAt) {

        static ReviewView of(MatchReview r) {
            return new ReviewView(r.id(), r.requestId(), r.offerId(), r.outcome(), r.reasonList(), r.status(),
                    r.openedAt(), r.decidedAt());
        }
    }

    /** A change as the other side sees it: which organisation made it, not which of its officers (audit has that). */
    public record ChangeView(int round, EntryStatus from, EntryStatus to, String reason, String byOrganisation,
                             Instant at) {

        static ChangeView of(EntryChange c) {
            return new ChangeView(c.round(), c.from(), c.to(), c.reason(), c.actorOrganisation(), c.occurredAt());
        }
    }
}
