package dev.fedcred.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A tree as {@link Json#MAPPER} writes it (UTF-8, indented), with Jackson's streaming generator
 * alone: the object mapper's serializer machinery costs a few hundred classes on a cold JVM, and a
 * cold {@code fedcred assume} writes the session cache; {@link JsonTrees} reads such files.
 */
public final class PrettyJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private PrettyJson() {
    }

    public static byte[] bytes(JsonNode tree) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.useDefaultPrettyPrinter();
            write(generator, tree);
        } catch (IOException e) {
            // nothing but memory is written to
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The node as the mapper writes it; JsonNode.serialize itself needs the mapper's serializer provider. */
    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(generator, field.getValue());
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(generator, element);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> writeNumber(generator, node);
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NULL, MISSING -> generator.writeNull();
            default -> throw new IllegalArgumentException("fedcred's files hold no " + node.getNodeType() + " values");
        }
    }

    private static void writeNumber(JsonGenerator generator, JsonNode number) throws IOException {
        switch (number.numberType()) {
            case INT -> generator.writeNumber(number.intValue());
            case LONG -> generator.writeNumber(number.longValue());
            case BIG_INTEGER -> generator.writeNumber(number.bigIntegerValue());
            case FLOAT -> generator.writeNumber(number.floatValue());
            case DOUBLE -> generator.writeNumber(number.doubleValue());
            default -> generator.writeNumber(number.decimalValue());
        }
    }
}
