package dev.fedcred.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTreesTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":1,\"b\":[true,false,null,\"x\",2.5,9007199254740993,123456789012345678901234567890],\"c\":{}}",
        "[]", "\"text\"", "42", "{\"nested\":{\"deeper\":[{\"k\":\"v\"}]}}", "  {\"unicode\":\"\\u00e9\\ud83d\\ude00\"}  "})
    void readsWhatTheObjectMapperReads(String text) throws Exception {
        assertThat(JsonTrees.read(text)).isEqualTo(Json.MAPPER.readTree(text));
    }

    @Test
    void emptyInputIsMissingAsWithTheObjectMapper() throws Exception {
        assertThat(JsonTrees.read("")).isSameAs(MissingNode.getInstance());
        assertThat(JsonTrees.read("   ")).isSameAs(MissingNode.getInstance());
    }

    @Test
    void duplicateKeysAndBrokenTextFailWithTheirPlace() {
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":1,\n\"a\":2}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> JsonTrees.read("{\"a\":\n  }"))
                .isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getLocation().getLineNr()).isEqualTo(2));
    }
}
