package org.homeward.platform.paging;

import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemType;

/**
 * A page asked for by a caller: page number from 0 and size up to {@link Page#MAX_SIZE}. Queries skip
 * {@link #offset()} rows and fetch {@link #fetchSize()}, one more than the page holds, to learn whether a
 * further page exists. A page so far out that its offset cannot be addressed is bad input, not a 500.
 */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0 || size < 1 || size > Page.MAX_SIZE) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + Page.MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE - Page.MAX_SIZE - 1L) {
            throw new ProblemException(ProblemType.BAD_REQUEST,
                    "page " + page + " of size " + size + " lies beyond the last row this API can address");
        }
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public int offset() {
        return page * size;
    }

    public int fetchSize() {
        return size + 1;
    }
}
