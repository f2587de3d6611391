package org.homeward.local.infra;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic reports of missing persons for imports in tests and benchmarks: Ukrainian-looking names built
 * from common roots and endings (so blocks have realistic sizes and namesakes exist), full dates of birth
 * and service numbers for official lists, Latin spellings and the year only for open-source ones. Seeded:
 * the same arguments give the same rows.
 */
public final class SyntheticRegister {

    public static final String HEADER = "surname,firstNames,patronymic,script,language,dateOfBirth,serviceNumber,"
            + "unit,party,category,circumstances,source,sourceAddress,reportedOn";
    private static final String[] ROOTS = {"Коваль", "Бондар", "Ткач", "Шевч", "Кравч", "Олійн", "Лисен", "Мельн",
            "Савч", "Руден", "Марчен", "Петрен", "Кузьмен", "Гончар", "Павлен", "Левчен", "Харченк", "Сидор", "Мороз",
            "Поліщ", "Клименк", "Остапч", "Гаврил", "Захарч", "Дмитрен", "Юрченк", "Швець", "Романен", "Ковален",
            "Литвин", "Білоус", "Гнатюк", "Данилюк", "Мартинюк", "Приходьк", "Власенк", "Тимошенк", "Зінченк",
            "Нестеренк", "Кириленк", "Федоренк", "Карпенк", "Бойк", "Вакуленк", "Головк", "Довженк", "Єременк",
            "Жук", "Іваненк", "Кушнір", "Максименк", "Назаренк", "Омельченк", "Пономаренк", "Семенюк", "Тарасенк",
            "Устименк", "Фесенк", "Чорновол", "Яковенк"};
    private static final String[] ENDINGS = {"о", "енко", "ук", "юк", "ич", "ський", "чук", "ов", "ець", "ак"};
    private static final String[] FIRST = {"Олександр", "Андрій", "Сергій", "Іван", "Микола", "Василь", "Петро",
            "Дмитро", "Юрій", "Олег", "Віктор", "Володимир", "Богдан", "Тарас", "Роман", "Ярослав", "Максим", "Євген",
            "Віталій", "Ігор", "Артем", "Денис", "Олексій", "Павло", "Григорій", "Степан", "Михайло", "Руслан",
            "Валерій", "Анатолій", "Костянтин", "Назар", "Остап", "Святослав", "Кирило", "Владислав", "Геннадій",
            "Леонід", "Федір", "Антон"};

    private SyntheticRegister() {
    }

    /** One person: names in Ukrainian, a full date of birth and a unique service number. */
    public record Person(String surname, String firstNames, LocalDate dateOfBirth, String serviceNumber) {
    }

    public static List<Person> people(int count, long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String surname = ROOTS[random.nextInt(ROOTS.length)] + ENDINGS[random.nextInt(ENDINGS.length)];
            LocalDate born = LocalDate.of(1960 + random.nextInt(46), 1 + random.nextInt(12), 1 + random.nextInt(28));
            people.add(new Person(surname, FIRST[random.nextInt(FIRST.length)], born,
                    String.format("ЗСУ-%08d", seed * 1_000_000 + i)));
        }
        return people;
    }

    /** The people as an official list: Cyrillic, Ukrainian, full dates, service numbers. */
    public static String officialCsv(String party, List<Person> people) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Person p : people) {
            csv.append(p.surname()).append(',').append(p.firstNames()).append(",,Cyrl,uk,").append(p.dateOfBirth())
                    .append(',').append(p.serviceNumber()).append(",,").append(party)
                    .append(",MILITARY,,OFFICIAL_NOTIFICATION,,2025-06-01\n");
        }
        return csv.toString();
    }

    /**
     * The people as open-source death announcements give them: the given Latin spellings, the birth year
     * only, no service number, and each announcement's address.
     */
    public static String openSourceCsv(String party, List<Person> people, List<String> latinSurnames,
                                       List<String> latinFirstNames) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            csv.append(latinSurnames.get(i)).append(',').append(latinFirstNames.get(i)).append(",,Latn,,")
                    .append(p.dateOfBirth().getYear()).append(",,,").append(party)
                    .append(",MILITARY,,OPEN_SOURCE,https://example.org/announcements/").append(i).append(",2025-06-01\n");
        }
        return csv.toString();
    }
}
