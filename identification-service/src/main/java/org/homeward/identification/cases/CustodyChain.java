package org.homeward.identification.cases;

import org.homeward.identification.shared.Actor;
import org.homeward.platform.domain.RuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules of a case's chain of custody, over the entries recorded so far (in order). The remains are
 * taken into custody first; a sample is taken from remains in custody, so it names what kind of sample it
 * is and cannot predate the remains' first entry; each item's entries follow one another in time, so the
 * chain always answers "who held it at that moment" with one holder.
 */
public final class CustodyChain {

    private final UUID caseId;
    private final List<CustodyEntry> entries;

    public CustodyChain(UUID caseId, List<CustodyEntry> entries) {
        this.caseId = caseId;
        this.entries = List.copyOf(entries);
    }

    public CustodyEntry append(String item, String sampleType, String heldBy, String location, Instant heldFrom,
                               Actor recordedBy, Instant now) {
        if (heldFrom.isAfter(now)) {
            throw new RuleViolation("heldFrom", "Custody cannot begin in the future");
        }
        Optional<CustodyEntry> remainsTaken = first(CustodyEntry.REMAINS);
        Optional<CustodyEntry> previous = last(item);
        if (CustodyEntry.REMAINS.equals(item) && sampleType != null) {
            throw new RuleViolation("sampleType", "The remains themselves are not a sample: leave sampleType out");
        }
        if (!CustodyEntry.REMAINS.equals(item)) {
            if (remainsTaken.isEmpty()) {
                throw new RuleViolation("item", "Record the remains' custody before samples taken from them");
            }
            if (previous.isEmpty() && (sampleType == null || sampleType.isBlank())) {
                throw new RuleViolation("sampleType", "A new sample states what it is (e.g. femur fragment, tooth)");
            }
            if (heldFrom.isBefore(remainsTaken.get().heldFrom())) {
                throw new RuleViolation("heldFrom", "A sample cannot be taken before the remains were in custody");
            }
        }
        if (previous.isPresent() && sampleType != null && !sampleType.equals(previous.get().sampleType())) {
            throw new RuleViolation("sampleType", "A sample's type was given when it was taken and does not change");
        }
        if (previous.isPresent() && !heldFrom.isAfter(previous.get().heldFrom())) {
            throw new RuleViolation("heldFrom", "Custody of " + item + " already passed on at "
                    + previous.get().heldFrom() + "; a new entry must begin after it");
        }
        return new CustodyEntry(caseId, entries.size(), item,
                previous.map(CustodyEntry::sampleType).orElse(sampleType), heldBy, location, heldFrom, recordedBy, now);
    }

    /** When the item's custody recorded in this entry ended: when the next entry of the same item began. */
    public Optional<Instant> heldUntil(CustodyEntry entry) {
        return entries.stream().filter(e -> e.item().equals(entry.item()) && e.position() > entry.position())
                .map(CustodyEntry::heldFrom).findFirst();
    }

    public List<CustodyEntry> entries() {
        return entries;
    }

    private Optional<CustodyEntry> first(String item) {
        return entries.stream().filter(e -> e.item().equals(item)).findFirst();
    }

    private Optional<CustodyEntry> last(String item) {
        return entries.stream().filter(e -> e.item().equals(item)).reduce((a, b) -> b);
    }
}
