package org.homeward.transfer.manifest;

import org.homeward.transfer.TransferState;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The receiving side's account of a handover, item by item: every manifest item is either received or
 * missing, and items nobody declared are extras with tags of the receiver's own. From that and the count
 * recorded at receipt follows the final state:
 * <ul>
 *   <li>DISPUTED when the receiver's two records contradict each other (items accounted for differ from
 *       the count at receipt, or an item is now missing after the receipt confirmed that all arrived), or
 *       when nothing on the manifest arrived;</li>
 *   <li>RECEIVED when every manifest item arrived and nothing else did;</li>
 *   <li>PARTIALLY_RECEIVED otherwise: some missing, or extras, or both.</li>
 * </ul>
 */
public final class Reconciliation {

    private final Map<String, UUID> manifestTerms;
    private final TermSelection terms;

    /**
     * @param manifest the items as declared, in manifest order
     */
    public Reconciliation(List<ManifestItem> manifest, TermSelection terms) {
        this.manifestTerms = new LinkedHashMap<>();
        manifest.forEach(item -> manifestTerms.put(item.tag(), item.termId()));
        this.terms = terms;
    }

    /**
     * @param countedAtReceipt  the count the receiver recorded at receipt
     * @param allArrivedAtReceipt true when that count equalled the dispatched count, which established
     *                            every manifest item as arrived
     */
    public ReconciliationOutcome reconcile(List<String> received, List<String> missing, List<ExtraItem> extras,
                                           int countedAtReceipt, boolean allArrivedAtReceipt) {
        List<RowError> errors = new ArrayList<>();
        Set<String> receivedTags = accountFor("received", received, new HashSet<>(), errors);
        Set<String> seen = new HashSet<>(receivedTags);
        Set<String> missingTags = accountFor("missing", missing, seen, errors);
        long unaccounted = manifestTerms.keySet().stream().filter(tag -> !seen.contains(tag)).count();
        if (unaccounted > 0) {
            errors.add(new RowError("received", unaccounted + " manifest item(s) are listed neither as received nor as missing"));
        }
        List<ManifestItem> extraItems = extras(extras, errors);
        if (!errors.isEmpty()) {
            throw new ItemsRejected(errors);
        }
        Map<UUID, Integer> perTerm = new HashMap<>();
        manifestTerms.values().forEach(term -> perTerm.putIfAbsent(term, 0));
        receivedTags.forEach(tag -> perTerm.merge(manifestTerms.get(tag), 1, Integer::sum));
        extraItems.forEach(item -> perTerm.merge(item.termId(), 1, Integer::sum));
        int arrived = receivedTags.size() + extraItems.size();
        TransferState state;
        if (arrived != countedAtReceipt || (allArrivedAtReceipt && !missingTags.isEmpty()) || receivedTags.isEmpty()) {
            state = TransferState.DISPUTED;
        } else if (missingTags.isEmpty() && extraItems.isEmpty()) {
            state = TransferState.RECEIVED;
        } else {
            state = TransferState.PARTIALLY_RECEIVED;
        }
        return new ReconciliationOutcome(receivedTags, List.copyOf(missingTags), extraItems, perTerm, state);
    }

    private Set<String> accountFor(String field, List<String> tags, Set<String> seen, List<RowError> errors) {
        Set<String> accounted = new LinkedHashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            if (!manifestTerms.containsKey(tag)) {
                errors.add(new RowError(field + "[" + i + "]", "Not a tag on the manifest"));
            } else if (!seen.add(tag)) {
                errors.add(new RowError(field + "[" + i + "]", "Accounted for more than once"));
            } else {
                accounted.add(tag);
            }
        }
        return accounted;
    }

    private List<ManifestItem> extras(List<ExtraItem> extras, List<RowError> errors) {
        Set<String> manifestTagsUpper = new HashSet<>();
        manifestTerms.keySet().forEach(tag -> manifestTagsUpper.add(tag.toUpperCase(Locale.ROOT)));
        Set<String> extraTags = new HashSet<>();
        List<ManifestItem> items = new ArrayList<>();
        for (int i = 0; i < extras.size(); i++) {
            ExtraItem extra = extras.get(i);
            String field = "extra[" + i + "]";
            String upper = extra.tag() == null ? null : extra.tag().toUpperCase(Locale.ROOT);
            if (!Codes.isTag(extra.tag())) {
                errors.add(new RowError(field + ".tag", Codes.TAG_RULE));
            } else if (manifestTagsUpper.contains(upper) || !extraTags.add(upper)) {
                errors.add(new RowError(field + ".tag", "Already used on this transfer; tag extra items with tags of your own"));
            }
            String nationality = Codes.normalised(extra.nationality());
            if (nationality != null && !Codes.isNationality(nationality)) {
                errors.add(new RowError(field + ".nationality", Codes.NATIONALITY_RULE));
            }
            Optional<UUID> term = terms.termFor(extra.category());
            if (term.isEmpty()) {
                errors.add(new RowError(field + ".category", terms.rule()));
            } else if (errors.isEmpty()) {
                items.add(ManifestItem.extra(extra.tag(), term.get(), extra.category(), nationality));
            }
        }
        return items;
    }
}
