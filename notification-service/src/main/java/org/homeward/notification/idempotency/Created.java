package org.homeward.notification.idempotency;

import java.net.URI;

/** What a creating request produced: where the new resource lives and its representation. */
public record Created(URI location, Object body) {
}
