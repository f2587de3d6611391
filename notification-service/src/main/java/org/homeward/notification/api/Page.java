package org.homeward.notification.api;

import java.util.List;

/** One page of a list; {@code hasMore} tells whether asking for {@code page + 1} can return anything. */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 100;

    /** Expects one item more than the page size was fetched, to know whether another page exists. */
    public static <T> Page<T> of(List<T> fetched, int page, int size) {
        boolean hasMore = fetched.size() > size;
        return new Page<>(hasMore ? fetched.subList(0, size) : fetched, page, size, hasMore);
    }
}
