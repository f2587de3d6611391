package org.homeward.console.i18n;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word of the console exists in each language: Qute would silently show a missing one in English. */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"uk", "ru"})
    void eachLanguageHasExactlyTheEnglishKeys(String language) throws IOException {
        Set<String> english = Arrays.stream(Messages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Properties translated = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTest.class.getResourceAsStream("/messages/msg_" + language
                + ".properties"), StandardCharsets.UTF_8)) {
            translated.load(reader);
        }
        assertThat(new TreeSet<>(translated.stringPropertyNames())).as(language).isEqualTo(english);
        translated.forEach((key, value) -> assertThat(value.toString()).as(language + " " + key).isNotBlank());
    }
}
