package org.hotline.supervisor;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisorMessagesTest {
    @Test
    void everyLanguageHasExactlyTheKeysOfTheEnglishBundle() throws IOException {
        Set<String> english = keys("messages.properties");
        assertThat(english).isNotEmpty();
        assertThat(keys("messages_zh_CN.properties")).isEqualTo(english);
        assertThat(keys("messages_zh_TW.properties")).isEqualTo(english);
    }

    @Test
    void chineseTextsAreReadAsUtf8() {
        assertThat(SupervisorDesk.texts(Locale.SIMPLIFIED_CHINESE).get("app.title")).isEqualTo("热线班长工作台");
        assertThat(SupervisorDesk.texts(Locale.TRADITIONAL_CHINESE).get("app.title")).isEqualTo("熱線班長工作台");
    }

    /** The file's own keys: a key missing in Chinese would otherwise fall back to English unnoticed. */
    private static Set<String> keys(String file) throws IOException {
        try (InputStream in = SupervisorMessagesTest.class.getResourceAsStream(file)) {
            assertThat(in).as(file).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        }
    }
}
