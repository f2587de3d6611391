package org.homeward.platform.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured mode. {@code id} is the deduplication key everywhere. Readers
 * ignore attributes they do not know (tolerant reader), so producers may add optional ones.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(String specversion, UUID id, URI source, String type, String subject,
                         OffsetDateTime time, String datacontenttype, URI dataschema, JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
