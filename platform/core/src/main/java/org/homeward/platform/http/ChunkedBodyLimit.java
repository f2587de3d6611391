package org.homeward.platform.http;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body sent without Content-Length (chunked) is counted as it is read and refused with 413 as soon as it
 * passes the endpoint's limit, the same limit a declared length is checked against. (Quarkus buffers such a
 * body before the resource runs, up to the service's platform limit, which therefore bounds the memory.)
 */
public class ChunkedBodyLimit {

    private final BodySizeLimits limits;

    public ChunkedBodyLimit(BodySizeLimits limits) {
        this.limits = limits;
    }

    @ServerRequestFilter
    public void countUndeclaredBody(ContainerRequestContext request, HttpServerRequest http) {
        if (request.getHeaderString(HttpHeaders.CONTENT_LENGTH) == null && request.hasEntity()) {
            request.setEntityStream(new Counted(request.getEntityStream(), limits.limitFor(http.path())));
        }
    }

    /** Throws 413 (answered as a body-too-large problem) on the first byte past the limit. */
    static final class Counted extends FilterInputStream {

        private final long limit;
        private long read;

        Counted(InputStream body, long limit) {
            super(body);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new WebApplicationException(Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
