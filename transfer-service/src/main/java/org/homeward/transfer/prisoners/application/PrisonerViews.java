package org.homeward.transfer.prisoners.application;

import org.homeward.platform.linkage.Romanisation;
import org.homeward.transfer.prisoners.HeldPrisoner;
import org.homeward.transfer.prisoners.MedicalFinding;
import org.homeward.transfer.prisoners.PrisonerStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the detaining party reads of its prisoners: the record, the capture card, the notification list. */
public final class PrisonerViews {

    private PrisonerViews() {
    }

    /** A prisoner's record, with his names also in Latin letters and the commission's latest decision. */
    public record PrisonerView(UUID id, String detainingParty, String partyOfOrigin, String surname,
                               String firstNames, String patronymic, String script, String language,
                               String surnameLatin, String firstNamesLatin, LocalDate dateOfBirth,
                               String placeOfBirth, String rank, String serviceNumber, String fatherFirstName,
                               String motherMaidenName, String personToInform, LocalDate capturedOn,
                               String capturePlace, String internmentPlace, String stateOfHealth,
                               PrisonerStatus status, LocalDate diedOn, String deathPlace, String deathCause,
                               LocalDate releasedOn, Finding latestFinding) {

        public static PrisonerView of(HeldPrisoner p, MedicalFinding finding) {
            return new PrisonerView(p.id(), p.detainingParty(), p.partyOfOrigin(), p.surname(), p.firstNames(),
                    p.patronymic(), p.script(), p.language(), Romanisation.latin(p.surname(), p.language()),
                    Romanisation.latin(p.firstNames(), p.language()), p.dateOfBirth(), p.placeOfBirth(), p.rank(),
                    p.serviceNumber(), p.fatherFirstName(), p.motherMaidenName(), p.personToInform(), p.capturedOn(),
                    p.capturePlace(), p.internmentPlace(), p.stateOfHealth(), p.status(), p.diedOn(), p.deathPlace(),
                    p.deathCause(), p.releasedOn(), finding == null ? null : Finding.of(finding));
        }
    }

    /** A Mixed Medical Commission's decision as recorded. */
    public record Finding(boolean seriouslyWoundedOrSick, LocalDate decidedOn, String commissionReference) {

        static Finding of(MedicalFinding f) {
            return new Finding(f.seriouslyWoundedOrSick(), f.decidedOn(), f.commissionReference());
        }
    }

    /**
     * The capture card of GC III Annex IV B, as the detaining power fills it in for the Central Tracing Agency:
     * the power on which the prisoner depends, his identity (also in Latin letters), his father's first name and
     * mother's maiden name, the address of his family, when and where he was taken prisoner, his state of
     * health, and his present address (the place of internment).
     */
    public record CaptureCard(UUID prisonerNumber, String detainingPower, String powerOnWhichDependent,
                              String surname, String firstNames, String surnameLatin, String firstNamesLatin,
                              String fatherFirstName, String motherMaidenName, LocalDate dateOfBirth,
                              String placeOfBirth, String rank, String serviceNumber, String addressOfFamily,
                              LocalDate takenPrisonerOn, String placeOfCapture, String stateOfHealth,
                              String presentAddress) {

        public static final List<String> COLUMNS = List.of("prisonerNumber", "detainingPower", "powerOnWhichDependent",
                "surname", "firstNames", "surnameLatin", "firstNamesLatin", "fatherFirstName", "motherMaidenName",
                "dateOfBirth", "placeOfBirth", "rank", "serviceNumber", "addressOfFamily", "takenPrisonerOn",
                "placeOfCapture", "stateOfHealth", "presentAddress");

        public static CaptureCard of(HeldPrisoner p) {
            return new CaptureCard(p.id(), p.detainingParty(), p.partyOfOrigin(), p.surname(), p.firstNames(),
                    Romanisation.latin(p.surname(), p.language()), Romanisation.latin(p.firstNames(), p.language()),
                    p.fatherFirstName(), p.motherMaidenName(), p.dateOfBirth(), p.placeOfBirth(), p.rank(),
                    p.serviceNumber(), p.personToInform(), p.capturedOn(), p.capturePlace(), p.stateOfHealth(),
                    p.internmentPlace());
        }

        public List<String> cells() {
            return cellsOf(prisonerNumber, detainingPower, powerOnWhichDependent, surname, firstNames, surnameLatin,
                    firstNamesLatin, fatherFirstName, motherMaidenName, dateOfBirth, placeOfBirth, rank, serviceNumber,
                    addressOfFamily, takenPrisonerOn, placeOfCapture, stateOfHealth, presentAddress);
        }
    }

    /** What one line of the Art. 122 list notifies: a prisoner recorded (captured), or his death in captivity. */
    public enum Notified { CAPTURED, DIED }

    /** One line of the Art. 122 notification list: what happened, on which day, and the capture card's data. */
    public record NotificationLine(Notified notified, LocalDate on, CaptureCard card) {

        public static final List<String> COLUMNS;

        static {
            List<String> columns = new ArrayList<>(List.of("notified", "on"));
            columns.addAll(CaptureCard.COLUMNS);
            COLUMNS = List.copyOf(columns);
        }

        public List<String> cells() {
            List<String> cells = new ArrayList<>(List.of(notified.name(), on.toString()));
            cells.addAll(card.cells());
            return cells;
        }
    }

    private static List<String> cellsOf(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(value == null ? "" : value.toString());
        }
        return cells;
    }
}
