package org.homeward.identification.messaging;

import org.homeward.identification.cases.messaging.CaseEvents;
import org.homeward.identification.register.messaging.PrisonerCheckEvents;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type this service publishes has a schema, and the AsyncAPI document lists each schema. */
class EventContractTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void everyPublishedTypeHasASchemaListedInTheAsyncApiDocument() throws IOException {
        List<String> published = Stream.of(CaseEvents.class, PrisonerCheckEvents.class)
                .flatMap(type -> Arrays.stream(type.getFields()))
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(EventContractTest::value).filter(v -> v.startsWith("identification.")).toList();
        assertThat(published).hasSize(9);
        List<String> schemas;
        try (Stream<Path> files = Files.list(RESOURCES.resolve("events"))) {
            schemas = files.map(p -> p.getFileName().toString().replace(".json", "")).toList();
        }
        assertThat(schemas).containsExactlyInAnyOrderElementsOf(published);
        String asyncApi = Files.readString(RESOURCES.resolve("asyncapi.yaml"));
        for (String type : published) {
            assertThat(asyncApi).contains("name: " + type).contains("$ref: './events/" + type + ".json'");
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
