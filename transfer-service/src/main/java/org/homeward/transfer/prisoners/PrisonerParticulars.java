package org.homeward.transfer.prisoners;

import java.time.LocalDate;

/**
 * A prisoner's particulars as the detaining party states them (GC III Art. 17 and 122: surname, first names,
 * rank, date of birth and service number; father's first name, mother's maiden name, place of birth, the person
 * to be informed; capture, internment, health), names in their original script; {@code releasedOn} when he was repatriated before these records were kept
 * here (an earlier exchange). Checked before they get here
 * ({@code PrisonerRows}).
 */
public record PrisonerParticulars(String surname, String firstNames, String patronymic, String script,
                                  String language, LocalDate dateOfBirth, String placeOfBirth, String rank,
                                  String serviceNumber, String partyOfOrigin, String fatherFirstName,
                                  String motherMaidenName, String personToInform, LocalDate capturedOn,
                                  String capturePlace, String internmentPlace, String stateOfHealth,
                                  LocalDate releasedOn) {
}
