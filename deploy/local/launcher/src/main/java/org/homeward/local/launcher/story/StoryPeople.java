package org.homeward.local.launcher.story;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The made-up people of the story and the manifests that carry them. Every surname has its own first four
 * letters in romanisation, so that the register's record linkage never takes two of them for one person.
 */
public final class StoryPeople {

    private static final List<String> SURNAMES = List.of("Бондар", "Ткаченко", "Кравчук", "Олійник", "Шевчук",
            "Коваль", "Поліщук", "Бойко", "Мельник", "Лисенко", "Руденко", "Савченко", "Гончар", "Мороз", "Павленко",
            "Левченко", "Харченко", "Кузьменко", "Дмитренко", "Панченко", "Гриценко", "Марченко", "Іваненко", "Литвин",
            "Зінченко", "Тимошенко", "Остапенко", "Федоренко", "Яковенко", "Сидоренко", "Данилюк", "Романюк", "Вовк",
            "Жук", "Чорновол", "Юрченко", "Ярошенко", "Нестеренко", "Щербак", "Білик");
    private static final List<String> FIRST_NAMES = List.of("Олег", "Андрій", "Сергій", "Максим", "Дмитро", "Іван",
            "Богдан", "Микола", "Юрій", "Тарас");
    private static final List<String> RU_SURNAMES = List.of("Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров",
            "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
            "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Романов");
    private static final List<String> RU_FIRST_NAMES = List.of("Алексей", "Дмитрий", "Михаил", "Николай", "Павел");
    /** The Latin letters the UA coordination body types the same names in (Ukraine's national transliteration). */
    private static final List<String> SURNAMES_LATIN = List.of("Bondar", "Tkachenko", "Kravchuk", "Oliinyk", "Shevchuk",
            "Koval", "Polishchuk", "Boiko", "Melnyk", "Lysenko", "Rudenko", "Savchenko", "Honchar", "Moroz", "Pavlenko",
            "Levchenko", "Kharchenko", "Kuzmenko", "Dmytrenko", "Panchenko", "Hrytsenko", "Marchenko", "Ivanenko", "Lytvyn",
            "Zinchenko", "Tymoshenko", "Ostapenko", "Fedorenko", "Yakovenko", "Sydorenko", "Danyliuk", "Romaniuk", "Vovk",
            "Zhuk", "Chornovol", "Yurchenko", "Yaroshenko", "Nesterenko", "Shcherbak", "Bilyk");
    private static final List<String> FIRST_NAMES_LATIN = List.of("Oleh", "Andrii", "Serhii", "Maksym", "Dmytro", "Ivan",
            "Bohdan", "Mykola", "Yurii", "Taras");
    private static final List<String> RECOVERY_PLACES = List.of("Донецька обл.", "Запорізька обл.", "Луганська обл.",
            "Херсонська обл.", "Харківська обл.");
    static final String PRISONER_COLUMNS = "tag,surname,firstNames,patronymic,rank,dateOfBirth,serviceNumber,category,nationality,healthNotes";
    static final String REMAINS_COLUMNS = "tag,nationality,category,surname,firstNames,patronymic,dateOfBirth,serviceNumber,recoveryPlace,recoveryDate,personalEffects";

    /** A person as a register and a manifest know him. */
    record Person(String surname, String firstNames, LocalDate dateOfBirth, String serviceNumber, String category) {
    }

    private StoryPeople() {
    }

    /**
    * Ukrainians: the first {@code prisoners} come home in the exchange (half seriously wounded or sick, half aged
    * 18 to 25), the rest are missing and their remains are among the bodies received.
    */
    static List<Person> ukrainians(String run, int count, int prisoners) {
        // Dates of birth shift with the run, so that a story played again on the same platform meets no one
        // of an earlier run in the register (same names, other people).
        int shift = Math.floorMod(run.hashCode(), 300);
        return IntStream.range(0, count).mapToObj(i -> {
            boolean young = i < prisoners && i >= prisoners / 2;
            LocalDate born = (young ? LocalDate.of(2001 + i % 6, 1 + i % 12, 1 + i % 27)
                    : LocalDate.of(1970 + i % 30, 1 + i % 12, 1 + i % 27)).plusDays(shift);
            return new Person(SURNAMES.get(i), FIRST_NAMES.get(i % FIRST_NAMES.size()), born, "ЗСУ-" + run + "-" + i,
                    i >= prisoners ? "MILITARY" : young ? "AGED_18_TO_25" : "SERIOUSLY_WOUNDED_OR_SICK");
        }).toList();
    }

    /** Missing soldiers whose families gave ante-mortem records: dentists' charts, the military's fingerprint files. */
    private static final List<String> DVI_SURNAMES = List.of("Гуменюк", "Дорошенко", "Єременко", "Заїка", "Кириленко",
            "Лукаш", "Максименко", "Назаренко", "Осадчий", "Прокопенко", "Рибак", "Стасюк");

    static List<Person> missingWithRecords(String run, int count) {
        int shift = Math.floorMod(run.hashCode(), 300);
        return IntStream.range(0, count).mapToObj(i -> new Person(DVI_SURNAMES.get(i), FIRST_NAMES.get(i % FIRST_NAMES.size()),
                LocalDate.of(1985 + i, 1 + i % 12, 1 + i % 27).plusDays(shift), "ЗСУ-" + run + "-dvi-" + i, "MILITARY")).toList();
    }

    /** Russian prisoners handed back the other way, half of each category. */
    static List<Person> russians(String run, int count) {
        return IntStream.range(0, count).mapToObj(i -> new Person(RU_SURNAMES.get(i), RU_FIRST_NAMES.get(i % RU_FIRST_NAMES.size()),
                LocalDate.of(i < count / 2 ? 1975 + i : 2001 + i % 6, 1 + i % 12, 1 + i % 27), "ВС-" + run + "-" + i,
                i < count / 2 ? "SERIOUSLY_WOUNDED_OR_SICK" : "AGED_18_TO_25")).toList();
    }

    /**
     * A prisoner of war as his detainers record him: {@code group} YOUNG (aged 18 to 25 on the terms' reference date),
     * WOUNDED (a Mixed Medical Commission found him seriously wounded), OTHER (neither), or RELEASED (repatriated in an
     * exchange before these records, so {@code releasedOn}). {@code latinSurname} and {@code latinFirstNames}: the
     * names as his own side types them in Latin letters (UA's only).
     */
    record Prisoner(String surname, String firstNames, String latinSurname, String latinFirstNames, String language,
                    LocalDate dateOfBirth, String serviceNumber, LocalDate capturedOn, LocalDate releasedOn, String group) {
    }

    static final String HELD_COLUMNS = "surname,firstNames,patronymic,script,language,dateOfBirth,placeOfBirth,rank,"
            + "serviceNumber,partyOfOrigin,fatherFirstName,motherMaidenName,personToInform,capturedOn,capturePlace,"
            + "internmentPlace,stateOfHealth,releasedOn";

    /**
     * The prisoners one party holds from the other, {@code young} and {@code wounded} first, then {@code others}, then
     * {@code released} repatriated before. Each has a distinct service number and date of birth within his group, so
     * that linkage never takes two for one; the young are born 2000 to 2006 (18 to 25 on 7 June 2025), the first
     * {@code swappable} of them on a day and month that can be swapped (a request's likely slip), the others 1965 to
     * 1998.
     */
    static List<Prisoner> held(String run, String party, int young, int wounded, int others, int released, int swappable) {
        boolean ukrainians = party.equals("UA");
        // Numbers of their own: the missing persons of the story are numbered ЗСУ-<run>-<n>.
        String prefix = (ukrainians ? "ЗСУ-" : "ВС-") + run + "-h";
        List<String> surnames = ukrainians ? SURNAMES : RU_SURNAMES;
        List<String> firstNames = ukrainians ? FIRST_NAMES : RU_FIRST_NAMES;
        int total = young + wounded + others + released;
        return IntStream.range(0, total).mapToObj(i -> {
            String group = i < young ? "YOUNG" : i < young + wounded ? "WOUNDED" : i < young + wounded + others ? "OTHER"
                    : "RELEASED";
            LocalDate born;
            if (i < swappable) {
                int month = 1 + i % 12;
                born = LocalDate.of(2006, month, month % 12 + 1 + i / 12);
            } else if (group.equals("YOUNG")) {
                born = LocalDate.of(2000, 1, 1).plusDays(9L * i);
            } else if (group.equals("RELEASED")) {
                born = LocalDate.of(1999, 7, 1).plusDays(11L * (i - young - wounded - others));
            } else {
                born = LocalDate.of(1965, 1, 1).plusDays(7L * i);
            }
            int s = i % surnames.size();
            int f = (i / surnames.size()) % firstNames.size();
            return new Prisoner(surnames.get(s), firstNames.get(f), ukrainians ? SURNAMES_LATIN.get(s) : null,
                    ukrainians ? FIRST_NAMES_LATIN.get(f) : null, ukrainians ? "uk" : "ru", born, prefix + i,
                    LocalDate.of(2024, 3, 1).plusDays(i % 300), group.equals("RELEASED") ? LocalDate.of(2025, 5, 15) : null,
                    group);
        }).toList();
    }

    /** The detaining party's import of the prisoners it holds from {@code origin}, as CSV. */
    static String heldImport(List<Prisoner> prisoners, String origin) {
        return HELD_COLUMNS + "\n" + prisoners.stream().map(p -> String.join(",", p.surname(), p.firstNames(), "",
                "Cyrl", p.language(), p.dateOfBirth().toString(), "", "Солдат", p.serviceNumber(), origin, "", "", "",
                p.capturedOn().toString(), "Донецька обл.", "Табір 1", "", p.releasedOn() == null ? ""
                        : p.releasedOn().toString())).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A manifest of listed prisoners, each under the term of his category. */
    static String listedManifest(String tagPrefix, List<Prisoner> people, String nationality) {
        return PRISONER_COLUMNS + "\n" + IntStream.range(0, people.size()).mapToObj(i -> {
            Prisoner p = people.get(i);
            return String.join(",", tag(tagPrefix, i), p.surname(), p.firstNames(), "", "Солдат",
                    p.dateOfBirth().toString(), p.serviceNumber(),
                    p.group().equals("YOUNG") ? "AGED_18_TO_25" : "SERIOUSLY_WOUNDED_OR_SICK", nationality, "");
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /** A surname of the story's own, for persons asked for who are no prisoner of war held (never a prisoner's first name). */
    static String surnameOf(int i) {
        return SURNAMES.get(i % SURNAMES.size());
    }

    /** A register report of a prisoner reported captured, as UA's military would file it. */
    static Map<String, Object> captureReport(Prisoner prisoner, boolean withServiceNumber) {
        return report(new Person(prisoner.surname(), prisoner.firstNames(), prisoner.dateOfBirth(),
                prisoner.serviceNumber(), "MILITARY"), withServiceNumber, "CAPTURE_CARD");
    }

    static String prisonerManifest(String tagPrefix, List<Person> people, String nationality) {
        return PRISONER_COLUMNS + "\n" + IntStream.range(0, people.size()).mapToObj(i -> {
            Person p = people.get(i);
            return String.join(",", tag(tagPrefix, i), p.surname(), p.firstNames(), "", i % 3 == 0 ? "сержант" : "солдат",
                    p.dateOfBirth().toString(), p.serviceNumber(), p.category(), nationality, "");
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    /** Bodies as the sender claims them: nationality and category, where and when recovered, no names. */
    public static String remainsManifest(String tagPrefix, int items) {
        return REMAINS_COLUMNS + "\n" + IntStream.range(0, items).mapToObj(i -> String.join(",", tag(tagPrefix, i), "UA",
                i % 10 == 0 ? "UNKNOWN" : "MILITARY", "", "", "", "", "", RECOVERY_PLACES.get(i % RECOVERY_PLACES.size()),
                LocalDate.of(2025, 1 + i % 5, 1 + i % 28).toString(), ""))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    public static List<String> tags(String tagPrefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> tag(tagPrefix, i)).toList();
    }

    static String tag(String prefix, int index) {
        return "%s-%05d".formatted(prefix, index + 1);
    }

    /** A register report of a person, as a family or the military would file it. */
    static Map<String, Object> report(Person person, boolean withServiceNumber, String source) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("surname", person.surname());
        report.put("firstNames", person.firstNames());
        report.put("script", "Cyrl");
        report.put("language", "uk");
        report.put("dateOfBirth", person.dateOfBirth().toString());
        if (withServiceNumber) {
            report.put("serviceNumber", person.serviceNumber());
        }
        report.put("party", "UA");
        report.put("category", "MILITARY");
        report.put("source", source);
        report.put("reportedOn", "2025-05-20");
        return report;
    }
}
