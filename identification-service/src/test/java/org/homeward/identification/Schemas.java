package org.homeward.identification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The event schemas: this service's own, and transfer-service's for the records it consumes. */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    public static JsonSchema own(String type) {
        try (InputStream schema = Schemas.class.getResourceAsStream("/events/" + type + ".json")) {
            return factory().getSchema(schema, config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The producer's schema file, as the consumer's tests must validate against (DESIGN.md 4). */
    public static JsonSchema transfer(String type) {
        try (InputStream schema = Files.newInputStream(Path.of("../transfer-service/src/main/resources/events/" + type + ".json"))) {
            return factory().getSchema(schema, config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchemaFactory factory() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    }

    private static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }
}
