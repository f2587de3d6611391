package org.homeward.platform.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How every JSON reader of Homeward reads: a document with a key twice ({@code {"tag":"a","tag":"b"}})
 * is refused rather than silently keeping the last value, and a scalar is never coerced into another type
 * (a number where a name is expected, a string where a number is). Writes of the REST API also refuse
 * unknown fields (configured per service); event readers tolerate them, and only them.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Applies the rules to a mapper in place (Quarkus' own mapper, through {@link StrictJsonCustomizer}). */
    public static void applyTo(ObjectMapper mapper) {
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType scalar : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(scalar).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    }

    /** True for the parser's refusal of a key given twice in one object. */
    public static boolean isDuplicateKey(JsonProcessingException e) {
        return e instanceof JsonParseException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Duplicate field");
    }

    /** A strict reader that also refuses unknown fields. */
    public static ObjectMapper reader() {
        ObjectMapper mapper = JsonMapper.builder().findAndAddModules()
                .configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false).build();
        applyTo(mapper);
        return mapper;
    }

    /** A strict reader for events and stored state: unknown fields are ignored (tolerant reader), nothing else. */
    public static ObjectMapper tolerantReader() {
        ObjectMapper mapper = reader();
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return mapper;
    }
}
