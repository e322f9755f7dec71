package io.fashionae.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one JSON mapper of the project: snake_case keys (as {@code metrics.json} promises),
 * indented output, records supported natively.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            // Files written by an older version may lack or add a field: read what is there.
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    /** Serialises {@code value} as indented JSON. */
    public static String write(Object value) {
        return write(MAPPER.writer(), value);
    }

    /** Serialises {@code value} on one line, for JSON embedded in a page rather than a file people read. */
    public static String writeCompact(Object value) {
        return write(MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT), value);
    }

    private static String write(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses {@code file} as a JSON tree, for reading another run's files whatever their version. */
    public static JsonNode readTree(Path file) throws IOException {
        return MAPPER.readTree(file.toFile());
    }

    /** Parses {@code json} into {@code type}. */
    public static <T> T read(String json, Class<T> type) throws IOException {
        return MAPPER.readValue(json, type);
    }

    /** Writes {@code value} as JSON to {@code target} atomically. */
    public static void writeFile(Path target, Object value) throws IOException {
        AtomicFiles.writeString(target, write(value) + "\n");
    }
}
