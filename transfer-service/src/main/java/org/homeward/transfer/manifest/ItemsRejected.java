package org.homeward.transfer.manifest;

import java.util.List;

/**
 * A list of items (a manifest, a reconciliation) is accepted whole or not at all: this carries every reason
 * it was not (up to a cap, with the total), so the sender can correct it in one pass.
 */
public class ItemsRejected extends RuntimeException {

    /** More errors than this are counted but not listed: a wrong file should not produce a huge response. */
    public static final int LISTED_ERRORS = 500;

    private final transient List<RowError> errors;
    private final int total;

    public ItemsRejected(List<RowError> errors) {
        super(errors.size() + " error(s); nothing was stored", null, false, false);
        this.errors = List.copyOf(errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        this.total = errors.size();
    }

    public static ItemsRejected of(RowError error) {
        return new ItemsRejected(List.of(error));
    }

    public List<RowError> errors() {
        return errors;
    }

    public int total() {
        return total;
    }
}
