package org.homeward.identification.register.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.homeward.platform.linkage.BestMatch;
import org.homeward.platform.linkage.LinkageOutcome;
import org.homeward.identification.register.LinkageReview;
import org.homeward.identification.register.MissingPerson;
import org.homeward.platform.linkage.Particulars;
import org.homeward.identification.register.PersonReport;
import org.homeward.identification.register.ReportedPerson;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Links reports into the register, in the caller's transaction: a report that MATCHES a known person
 * attaches to him; one that may be of a known person (PROBABLE, CONFLICT) becomes an entry of its own and
 * a review for a person to decide; one whose blocking key holds too many entries to compare (UNCOMPARED)
 * becomes an entry of its own and a review naming no candidate; any other becomes a new entry.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisterLinkage {

    private final EntityManager entityManager;
    private final Clock clock;
    private final int maxComparisonsPerReport;

    public RegisterLinkage(EntityManager entityManager, Clock clock,
                           @ConfigProperty(name = "homeward.register.max-comparisons-per-report", defaultValue = "10000")
                           int maxComparisonsPerReport) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.maxComparisonsPerReport = maxComparisonsPerReport;
    }

    /** Where a report went. */
    public record Linked(UUID reportId, UUID personId, LinkageOutcome outcome, UUID reviewId) {
    }

    /**
     * The blocks of candidates for reports of one party, locked for the rest of the transaction: an import
     * on another replica, or a single report, linking into the same blocks waits, so that two reports of
     * one person never both become new entries unseen by each other.
     */
    CandidateBlocks blocksFor(String party, List<Particulars> reports) {
        SortedSet<String> keys = new TreeSet<>(); // one order everywhere: no deadlock between two lockers
        reports.forEach(report -> {
            keys.add(party + "|" + report.blockingPrefix());
            if (report.serviceNumber() != null) {
                keys.add(party + "|#" + report.serviceNumber());
            }
        });
        keys.forEach(key -> entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:key, 1))")
                .setParameter("key", key).getSingleResult());
        return CandidateBlocks.load(entityManager, party, reports);
    }

    /** @return null when the report's blocks hold nobody */
    BestMatch<CandidateBlocks.Candidate> bestMatch(Particulars report, CandidateBlocks blocks) {
        return BestMatch.among(report, blocks.candidatesFor(report), CandidateBlocks.Candidate::particulars);
    }

    /**
     * A report whose name blocks hold more than homeward.register.max-comparisons-per-report entries (10,000)
     * is not compared with them all, which would cost a large import hours (a common surname of one birth
     * year): only with the entries of its service number. Unless one of those is the same person, it becomes
     * its own entry with an UNCOMPARED review, for a person to search the register.
     */
    Linked link(ReportedPerson report, CandidateBlocks blocks, UUID importId, String organisation) {
        Instant now = Instant.now(clock);
        int blockSize = blocks.nameBlockSize(report.particulars());
        boolean tooManyToCompare = blockSize > maxComparisonsPerReport;
        BestMatch<CandidateBlocks.Candidate> best = tooManyToCompare
                ? BestMatch.among(report.particulars(), blocks.serviceNumberCandidatesFor(report.particulars()),
                        CandidateBlocks.Candidate::particulars)
                : bestMatch(report.particulars(), blocks);
        if (best != null && best.result().outcome() == LinkageOutcome.MATCHED) {
            MissingPerson person = entityManager.find(MissingPerson.class, best.candidate().personId());
            person.complementWith(report);
            PersonReport stored = new PersonReport(report, person.id(), LinkageOutcome.MATCHED, importId, organisation, now);
            entityManager.persist(stored);
            blocks.put(new CandidateBlocks.Candidate(person.id(), person.particulars()));
            return new Linked(stored.id(), person.id(), LinkageOutcome.MATCHED, null);
        }
        MissingPerson entry = MissingPerson.from(report, now);
        entityManager.persist(entry);
        blocks.put(new CandidateBlocks.Candidate(entry.id(), entry.particulars()));
        // In an oversized block, a service number that probably or conflictingly names a known person is the
        // one lead there is: its review names him. Only without one is the report UNCOMPARED.
        LinkageOutcome outcome = best != null && best.result().outcome().needsReview() ? best.result().outcome()
                : tooManyToCompare ? LinkageOutcome.UNCOMPARED
                : best == null ? LinkageOutcome.NO_MATCH : best.result().outcome();
        PersonReport stored = new PersonReport(report, entry.id(), outcome, importId, organisation, now);
        entityManager.persist(stored);
        LinkageReview review = null;
        if (outcome == LinkageOutcome.UNCOMPARED) {
            review = LinkageReview.uncompared(entry.id(), report.party(), blockSize, maxComparisonsPerReport, now);
        } else if (outcome.needsReview()) {
            review = new LinkageReview(entry.id(), best.candidate().personId(), report.party(), best.result(), now);
        }
        if (review != null) {
            entityManager.persist(review);
        }
        return new Linked(stored.id(), entry.id(), outcome, review == null ? null : review.id());
    }
}
