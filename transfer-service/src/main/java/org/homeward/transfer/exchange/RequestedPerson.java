package org.homeward.transfer.exchange;

import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

/**
 * A person the receiving party asks for, as it knows him: names in its own script or a transliteration, a
 * date of birth in full or the year only, a service number if it has one.
 */
public record RequestedPerson(String surname, String firstNames, String patronymic, String script, String language,
                              BirthDate dateOfBirth, String serviceNumber) {

    public Particulars particulars() {
        return Particulars.of(surname, firstNames, language, dateOfBirth, serviceNumber);
    }
}
