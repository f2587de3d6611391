package org.homeward.platform.paging;

import java.util.List;

/** One page of a list; {@code hasMore} tells whether asking for {@code page + 1} can return anything. */
public record Page<T>(List<T> items, int page, int size, boolean hasMore) {

    public static final int MAX_SIZE = 100;

    /** Takes what a query fetched for {@code request}: one row more than the page holds means more exist. */
    public static <T> Page<T> of(List<T> fetched, PageRequest request) {
        boolean hasMore = fetched.size() > request.size();
        return new Page<>(hasMore ? List.copyOf(fetched.subList(0, request.size())) : fetched,
                request.page(), request.size(), hasMore);
    }
}
