package dev.fedcred.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PlainJson reads what Jackson reads (through {@link JsonTrees}, as fedcred's files are read
 * elsewhere) to the same values, and accepts nothing Jackson refuses: the cached
 * {@code credential-process} answers from it, and the full command from Jackson.
 */
class PlainJsonTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"b\":[true,false,null,\"x\",2.5,-0,-0.0,1e3,1E-3,9007199254740993,123456789012345678901234567890],\"c\":{}}",
        "[]", "\"text\"", "42 ", "{\"nested\":{\"deeper\":[{\"k\":\"v\"}]}}", "  {\"unicode\":\"\\u00e9\\ud83d\\ude00 é\"}  ",
        "{\"escapes\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\"}", "\t\r\n{ \"spaced\" : [ 1 , 2 ] }\n",
        "{\"version\":1,\"sessions\":{\"t\":{\"k\":\"v\",\"n\":null}}} trailing text is ignored, as by Jackson",
        "{\"big\":-9223372036854775809,\"long\":2147483648,\"int\":-2147483648,\"double\":1.7976931348623157e308}",
        "{\"\":\"empty name\",\"a\":{\"a\":{\"a\":[[[]]]}}}"})
    void readsWhatJacksonReads(String text) throws Exception {
        assertThat(node(PlainJson.read(text))).isEqualTo(JsonTrees.read(text));
    }

    @Test
    void emptyTextHoldsNoValue() throws Exception {
        assertThat(PlainJson.read("")).isNull();
        assertThat(PlainJson.read(" \n\t")).isNull();
        assertThat(JsonTrees.read(" \n\t")).isSameAs(MissingNode.getInstance());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"a\":2}", "{\"a\":1,}", "[1,]", "{a:1}", "{'a':1}", "// note\n{}", "{\"a\":01}", "{\"a\":1.}",
        "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":NaN}", "{\"a\":tru}", "{\"a\":truex}",
        "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"raw\ttab\"}", "{\"a\":\"unclosed", "{\"a\":1", "[1 2]",
        "{\"a\" 1}", "{\"a\":1 \"b\":2}", "\ufeff{}", "{\"a\":[}", "1x", "-01"})
    void refusesWhatJacksonRefuses(String text) {
        assertThatThrownBy(() -> JsonTrees.read(text)).as("Jackson refuses it too").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> PlainJson.read(text)).isInstanceOf(PlainJson.MalformedException.class);
    }

    @Test
    void sayWhereTheTextStopsParsing() {
        assertThatThrownBy(() -> PlainJson.read("{\"a\":1,\n  \"a\":2}"))
                .hasMessage("at line 2, column 3: duplicate field a");
        assertThatThrownBy(() -> PlainJson.read("{\"a\":\n  }")).hasMessage("at line 2, column 3: unexpected character '}'");
        assertThatThrownBy(() -> PlainJson.read("{\"a\":[1, 2")).hasMessage("at the end of the text: expected ']'");
        assertThatThrownBy(() -> PlainJson.read("{\"a\":\"\u001b[31m\"}"))
                .hasMessage("at line 1, column 7: a control character in a string");
    }

    @Test
    void nestingAndNumbersAreBounded() {
        String deep = "[".repeat(PlainJson.MAX_DEPTH) + "]".repeat(PlainJson.MAX_DEPTH);
        String tooDeep = "[" + deep + "]";
        assertThat(catchMalformed(deep)).isNull();
        assertThat(catchMalformed(tooDeep)).hasMessageContaining("levels of nesting");
        String longest = "{\"n\":" + "1".repeat(PlainJson.MAX_NUMBER_LENGTH) + "}";
        assertThat(catchMalformed(longest)).isNull();
        assertThat(catchMalformed("{\"n\":" + "1".repeat(PlainJson.MAX_NUMBER_LENGTH + 1) + "}"))
                .hasMessageContaining("number longer than");
    }

    /**
     * Texts made by cutting, doubling and swapping the characters of valid ones: wherever PlainJson
     * reads one, Jackson reads it to the same value. 20,000 of them, with a fixed seed.
     */
    @Test
    void acceptsNothingJacksonRefusesAmongMangledTexts() throws Exception {
        String[] seeds = {
            "{\"version\":1,\"sessions\":{\"t\":{\"access_key_id\":\"ASIAEXAMPLE\",\"expiration\":\"2026-12-02T09:00:00Z\","
                    + "\"subject\":null,\"n\":[1,-2.5e3,true,false]}}}",
            "{\"targets\":[{\"name\":\"a\",\"kind\":\"aws-role\",\"x\":{\"y\":\"\\u00e9\\\"\"}},{\"name\":\"b\",\"kind\":7}]}"};
        String alphabet = "{}[]:,\"\\ -.0123456789eEtrufalsn\u0000\t\nuaé";
        Random random = new Random(20261202);
        int acceptedByBoth = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(seeds[i % seeds.length]);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            Object plain;
            try {
                plain = PlainJson.read(text.toString());
            } catch (PlainJson.MalformedException refused) {
                continue;
            }
            assertThat(node(plain)).as(text.toString()).isEqualTo(JsonTrees.read(text.toString()));
            acceptedByBoth++;
        }
        assertThat(acceptedByBoth).as("mangled texts both read").isGreaterThan(1_000);
    }

    @Test
    void writesStringsJacksonReadsBackUnchanged() throws Exception {
        Random random = new Random(7);
        List<String> values = new ArrayList<>(List.of("", "plain", "quote \" and backslash \\", "line\nbreak\ttab\u0000nul",
                "\u007f\u0085\u2028\u202e bidi", "\ud83d\ude00 emoji", "ünïcödé"));
        for (int i = 0; i < 2_000; i++) {
            char[] chars = new char[random.nextInt(20)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0xd800));
            }
            values.add(new String(chars));
        }
        for (String value : values) {
            String json = PlainJson.appendString(new StringBuilder(), value).toString();
            assertThat(JsonTrees.read(json).textValue()).isEqualTo(value);
            assertThat(json.chars().noneMatch(c -> c < 0x20 || c == 0x7f)).as(json).isTrue();
        }
    }

    @Test
    void objectsKeepTheirOrderAndTypes() throws Exception {
        Map<String, Object> object = PlainJson.asObject(PlainJson.read("{\"z\":\"1\",\"a\":1,\"m\":null,\"b\":false}"));
        assertThat(object).containsKeys("z", "a", "m", "b");
        assertThat(object.keySet()).containsExactly("z", "a", "m", "b");
        assertThat(object.get("z")).isEqualTo("1");
        assertThat(object.get("a")).isInstanceOf(PlainJson.Literal.class).hasToString("1");
        assertThat(object.get("m")).isSameAs(PlainJson.NULL);
        assertThat(object.get("b")).isEqualTo(Boolean.FALSE);
        assertThat(PlainJson.asObject(PlainJson.read("[1]"))).isNull();
    }

    private static Throwable catchMalformed(String text) {
        try {
            PlainJson.read(text);
            return null;
        } catch (PlainJson.MalformedException e) {
            return e;
        }
    }

    /** A plain value as JsonTrees types it: int, long or big integer when integral, else double. */
    private static JsonNode node(Object value) {
        if (value == null) {
            return MissingNode.getInstance();
        }
        if (value instanceof String text) {
            return NODES.textNode(text);
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        if (value == PlainJson.NULL) {
            return NODES.nullNode();
        }
        if (value instanceof PlainJson.Literal literal) {
            if (!literal.isIntegral()) {
                return NODES.numberNode(Double.parseDouble(literal.toString()));
            }
            BigInteger number = new BigInteger(literal.toString());
            return number.bitLength() < Integer.SIZE ? NODES.numberNode(number.intValue())
                    : number.bitLength() < Long.SIZE ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(element -> array.add(node(element)));
            return array;
        }
        ObjectNode object = NODES.objectNode();
        PlainJson.asObject(value).forEach((name, field) -> object.set(name, node(field)));
        return object;
    }
}
