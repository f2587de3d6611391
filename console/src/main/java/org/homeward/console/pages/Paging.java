package org.homeward.console.pages;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a page of a list stands, as the API pages it ({@code page}, {@code size}, {@code hasMore}). */
public record Paging(int page, boolean hasMore) {

    public static final int SIZE = 20;

    static Paging of(JsonNode page) {
        return new Paging(page.path("page").asInt(), page.path("hasMore").asBoolean());
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    /** The page's number as people count (from 1). */
    public int number() {
        return page + 1;
    }
}
