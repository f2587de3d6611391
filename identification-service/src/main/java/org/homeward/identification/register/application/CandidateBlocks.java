package org.homeward.identification.register.application;

import jakarta.persistence.EntityManager;
import org.homeward.platform.linkage.BirthDate;
import org.homeward.platform.linkage.Particulars;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The register's entries of one party that a batch of reports may be compared with, loaded once per batch
 * by blocking key: the surname key's prefix, and the service number. Linkage never compares all pairs:
 * a report meets only the entries of its block of the same birth year (or of no known year), and
 * entries created while the batch runs join their blocks at once.
 */
final class CandidateBlocks {

    /** An entry as linkage compares it. */
    record Candidate(UUID personId, Particulars particulars) {
    }

    private final Map<UUID, Candidate> entries = new HashMap<>();
    /** By blocking prefix and birth year ("kova|1991", or "kova|" for entries without a known year). */
    private final Map<String, List<UUID>> byBlock = new HashMap<>();
    /** By blocking prefix alone, for the reports that give no birth year. */
    private final Map<String, List<UUID>> byPrefix = new HashMap<>();
    private final Map<String, List<UUID>> byServiceNumber = new HashMap<>();
    private long comparisons;

    private CandidateBlocks() {
    }

    static CandidateBlocks empty() {
        return new CandidateBlocks();
    }

    static CandidateBlocks load(EntityManager entityManager, String party, Collection<Particulars> reports) {
        CandidateBlocks blocks = new CandidateBlocks();
        Set<String> prefixes = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        reports.forEach(p -> {
            prefixes.add(p.blockingPrefix());
            if (p.serviceNumber() != null) {
                numbers.add(p.serviceNumber());
            }
        });
        // An empty IN list is not valid SQL everywhere: "" is no key any entry can have.
        prefixes.add("");
        numbers.add("");
        List<Object[]> rows = entityManager.createQuery("select p.id, p.surnameKey, p.givenNameKey, p.birthYear,"
                        + " p.birthMonth, p.birthDay, p.serviceNumberKey from MissingPerson p"
                        + " where p.party = :party and p.status <> MERGED"
                        + " and (p.blockingPrefix in :prefixes or p.serviceNumberKey in :numbers)", Object[].class)
                .setParameter("party", party)
                .setParameter("prefixes", prefixes)
                .setParameter("numbers", numbers)
                .getResultList();
        for (Object[] row : rows) {
            blocks.put(new Candidate((UUID) row[0], new Particulars((String) row[1], (String) row[2],
                    new BirthDate((Integer) row[3], (Integer) row[4], (Integer) row[5]), (String) row[6])));
        }
        return blocks;
    }

    /** Adds an entry, or replaces it with what it now says (a matching report may have completed it). */
    void put(Candidate candidate) {
        Candidate before = entries.put(candidate.personId(), candidate);
        Particulars now = candidate.particulars();
        if (before == null) {
            byPrefix.computeIfAbsent(now.blockingPrefix(), k -> new ArrayList<>()).add(candidate.personId());
        }
        if (before == null || !Objects.equals(before.particulars().birthDate().year(), now.birthDate().year())) {
            byBlock.computeIfAbsent(block(now.blockingPrefix(), now.birthDate().year()), k -> new ArrayList<>())
                    .add(candidate.personId());
        }
        if (now.serviceNumber() != null && (before == null || before.particulars().serviceNumber() == null)) {
            byServiceNumber.computeIfAbsent(now.serviceNumber(), k -> new ArrayList<>()).add(candidate.personId());
        }
    }

    /**
     * The entries a report is to be compared with: its block of the same birth year and the block of entries
     * without one (every year of its prefix when it gives none), and the entries with its service number.
     * Each one counts as a comparison.
     */
    List<Candidate> candidatesFor(Particulars report) {
        Map<UUID, Candidate> found = new LinkedHashMap<>();
        Integer year = report.birthDate().year();
        List<List<UUID>> blocks = year == null
                ? List.of(byPrefix.getOrDefault(report.blockingPrefix(), List.of()))
                : List.of(byBlock.getOrDefault(block(report.blockingPrefix(), year), List.of()),
                        byBlock.getOrDefault(block(report.blockingPrefix(), null), List.of()));
        for (List<UUID> block : blocks) {
            for (UUID id : block) {
                Candidate candidate = entries.get(id);
                Integer theirs = candidate.particulars().birthDate().year();
                // An entry whose year became known since it was filed under "no year" is checked again here.
                if (year == null || theirs == null || year.equals(theirs)) {
                    found.put(id, candidate);
                }
            }
        }
        if (report.serviceNumber() != null) {
            byServiceNumber.getOrDefault(report.serviceNumber(), List.of()).forEach(id -> found.put(id, entries.get(id)));
        }
        comparisons += found.size();
        return List.copyOf(found.values());
    }

    /**
     * How many entries the report's name blocks hold, counted without comparing any: the cost of
     * {@link #candidatesFor} before paying it, at most (the blocks may also hold entries whose birth year became
     * known since they were filed, which the comparison then skips).
     */
    int nameBlockSize(Particulars report) {
        Integer year = report.birthDate().year();
        return year == null
                ? byPrefix.getOrDefault(report.blockingPrefix(), List.of()).size()
                : byBlock.getOrDefault(block(report.blockingPrefix(), year), List.of()).size()
                + byBlock.getOrDefault(block(report.blockingPrefix(), null), List.of()).size();
    }

    /** The entries with the report's service number alone (a handful at most), each counted as a comparison. */
    List<Candidate> serviceNumberCandidatesFor(Particulars report) {
        if (report.serviceNumber() == null) {
            return List.of();
        }
        List<Candidate> found = byServiceNumber.getOrDefault(report.serviceNumber(), List.of()).stream()
                .map(entries::get).toList();
        comparisons += found.size();
        return found;
    }

    private static String block(String prefix, Integer year) {
        return year == null ? prefix + "|" : prefix + "|" + year;
    }

    long comparisons() {
        return comparisons;
    }
}
