package org.homeward.transfer.manifest;

import org.homeward.transfer.AgreedTerm;
import org.homeward.transfer.TransferKind;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which of a transfer's terms an item counts towards. A transfer fulfilling one term counts every remains
 * item towards it; a person's category selects the term of that category (a CUSTOM category by its name),
 * else the one term that takes any category.
 */
public final class TermSelection {

    private final TransferKind kind;
    private final List<AgreedTerm> terms;

    public TermSelection(TransferKind kind, List<AgreedTerm> terms) {
        this.kind = kind;
        this.terms = List.copyOf(terms);
    }

    public Optional<UUID> termFor(String category) {
        if (kind == TransferKind.REMAINS) {
            return terms.size() == 1 ? Optional.of(terms.get(0).id()) : Optional.empty();
        }
        List<AgreedTerm> named = terms.stream().filter(t -> t.namesCategory(category)).toList();
        if (named.size() == 1) {
            return Optional.of(named.get(0).id());
        }
        List<AgreedTerm> open = terms.stream().filter(AgreedTerm::takesAnyCategory).toList();
        return named.isEmpty() && open.size() == 1 ? Optional.of(open.get(0).id()) : Optional.empty();
    }

    String rule() {
        return kind == TransferKind.REMAINS
                ? "The transfer fulfils several terms, so remains cannot be assigned to one"
                : "The category selects none, or more than one, of the terms this transfer fulfils";
    }
}
