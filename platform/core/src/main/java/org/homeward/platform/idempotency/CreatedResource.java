package org.homeward.platform.idempotency;

import java.net.URI;

/**
 * What a creating request produced: where the new resource lives and the representation to answer with.
 * {@code carriesSecret} marks a representation shown once and never again (a webhook signing secret): the
 * stored copy kept for an idempotent replay is then encrypted (see {@link ReplaySecrets}).
 */
public record CreatedResource(URI location, Object representation, boolean carriesSecret) {

    public CreatedResource(URI location, Object representation) {
        this(location, representation, false);
    }
}
