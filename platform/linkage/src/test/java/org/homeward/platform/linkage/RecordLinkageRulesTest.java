package org.homeward.platform.linkage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The name pairs and date rules of the register issue, each one as expected, with no framework. */
class RecordLinkageRulesTest {

    private static Particulars person(String surname, String firstNames, String language, String birthDate,
                                      String serviceNumber) {
        return Particulars.of(surname, firstNames, language, BirthDate.parse(birthDate), serviceNumber);
    }

    @Test
    void shevchenkoInCyrillicMeetsHisUkrainianRomanisation() {
        RecordComparison.Result result = RecordComparison.compare(person("Шевченко", "Тарас", null, "1814", null),
                person("Shevchenko", "Taras", null, "1814", null));
        assertThat(result.namesMeet()).isTrue();
        assertThat(Romanisation.key("Григорович", null)).isEqualTo(Romanisation.key("Hryhorovych", null));
        assertThat(person("Шевченко", "Тарас", "uk", null, null).blockingPrefix())
                .isEqualTo(person("Shevchenko", "Taras", null, null, null).blockingPrefix());
    }

    @Test
    void ivanovSergeiInRussianMeetsHisRomanisation() {
        RecordComparison.Result result = RecordComparison.compare(person("Иванов", "Сергей", "ru", null, null),
                person("Ivanov", "Sergei", null, null, null));
        assertThat(result.namesMeet()).isTrue();
        assertThat(result.surnameSimilarity()).isEqualTo(1.0);
        assertThat(result.givenNameSimilarity()).isEqualTo(1.0);
    }

    @Test
    void theUkrainianAndTheRussianSpellingOfOneNameWithOneBirthDateAreProbable() {
        RecordComparison.Result result = RecordComparison.compare(person("Іванов", "Сергій", "uk", "1990-05-17", null),
                person("Иванов", "Сергей", "ru", "1990-05-17", null));
        assertThat(result.outcome()).isEqualTo(LinkageOutcome.PROBABLE);
        assertThat(result.agreed()).anyMatch(f -> f.startsWith("surname")).anyMatch(f -> f.startsWith("firstName"))
                .contains("dateOfBirth (EQUAL)");
    }

    @Test
    void ivanovSergeiAndIvanovaSvetlanaBornTheSameDayDoNotMeet() {
        RecordComparison.Result result = RecordComparison.compare(person("Иванов", "Сергей", "ru", "1990-05-17", null),
                person("Иванова", "Светлана", "ru", "1990-05-17", null));
        assertThat(result.namesMeet()).isFalse();
        assertThat(result.outcome()).isEqualTo(LinkageOutcome.NO_MATCH);
    }

    @Test
    void petrenkoAndPetrukOfOneBirthYearAreNotMatched() {
        RecordComparison.Result result = RecordComparison.compare(person("Петренко", "Олег", "uk", "1985", null),
                person("Петрук", "Олег", "uk", "1985", null));
        assertThat(result.outcome()).isNotEqualTo(LinkageOutcome.MATCHED);
        assertThat(result.surnameSimilarity()).isLessThan(RecordComparison.SURNAME_THRESHOLD);
    }

    @Test
    void datesOfBirthAreCompatibleWhenEqualYearOnlyOrSwapped() {
        assertThat(BirthDate.parse("1990-05-17").compare(BirthDate.parse("1990-05-17"))).isEqualTo(BirthDate.Agreement.EQUAL);
        assertThat(BirthDate.parse("1990").compare(BirthDate.parse("1990-05-17"))).isEqualTo(BirthDate.Agreement.YEAR_AGREES);
        assertThat(BirthDate.parse("1990-05-07").compare(BirthDate.parse("1990-07-05")))
                .isEqualTo(BirthDate.Agreement.DAY_AND_MONTH_SWAPPED);
        assertThat(BirthDate.parse("1990-05-17").compare(BirthDate.parse("1991-05-17"))).isEqualTo(BirthDate.Agreement.CONFLICT);
        assertThat(BirthDate.parse("1990-05-17").compare(BirthDate.parse("1990-05-18"))).isEqualTo(BirthDate.Agreement.CONFLICT);
        assertThat(BirthDate.parse("").compare(BirthDate.parse("1990"))).isEqualTo(BirthDate.Agreement.UNKNOWN);
    }

    @Test
    void aSwappedDayAndMonthIsProbableAtBestEvenWithTheSameServiceNumber() {
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", null),
                person("Kovalenko", "Petro", null, "1990-07-05", null)).outcome()).isEqualTo(LinkageOutcome.PROBABLE);
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", "ВС 100-001"),
                person("Kovalenko", "Petro", null, "1990-07-05", "ВС100001")).outcome()).isEqualTo(LinkageOutcome.PROBABLE);
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", "ВС 100-001"),
                person("Kovalenko", "Petro", null, "1990", "ВС100001")).outcome()).isEqualTo(LinkageOutcome.MATCHED);
    }

    @Test
    void aServiceNumberAloneNeverMatchesAndNamesAloneNeverMatch() {
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", "ВС100001"),
                person("Бондаренко", "Іван", "uk", "1990-05-07", "ВС100001")).outcome()).isEqualTo(LinkageOutcome.CONFLICT);
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", null),
                person("Коваленко", "Петро", "uk", "1990-05-07", null)).outcome()).isEqualTo(LinkageOutcome.PROBABLE);
        assertThat(RecordComparison.compare(person("Коваленко", "Петро", "uk", "1990-05-07", "ВС100001"),
                person("Коваленко", "Петро", "uk", "1990-05-07", "ВС999999")).outcome()).isEqualTo(LinkageOutcome.CONFLICT);
    }

    @Test
    void theFoldingErasesRomanisationSystemsNotNames() {
        assertThat(Romanisation.key("Kharkiv", null)).isEqualTo(Romanisation.key("Harkiv", null));
        assertThat(Romanisation.key("Yevhen", null)).isEqualTo(Romanisation.key("Evgen", null));
        assertThat(Romanisation.key("Kowalenko", null)).isEqualTo(Romanisation.key("Коваленко", "uk"));
        assertThat(Romanisation.key("Сергей", "ru")).isEqualTo(Romanisation.key("Sergej", null));
        assertThat(Romanisation.key("Петренко", "uk")).isNotEqualTo(Romanisation.key("Петрук", "uk"));
        assertThat(Romanisation.key("Ševčenko", null)).isEqualTo(Romanisation.key("Шевченко", "uk"));
    }

    @Test
    void aNameIsRomanisedForReadersAsBgnSpellsItWithItsCaseKept() {
        assertThat(Romanisation.latin("Шевченко Тарас", "uk")).isEqualTo("Shevchenko Taras");
        assertThat(Romanisation.latin("Григорій", null)).isEqualTo("Hryhoriy");
        assertThat(Romanisation.latin("Сергей", null)).isEqualTo("Sergey");
        assertThat(Romanisation.latin("Kovalenko", "uk")).isEqualTo("Kovalenko");
        assertThat(Romanisation.latin(null, "uk")).isNull();
    }
}
