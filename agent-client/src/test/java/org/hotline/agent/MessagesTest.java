package org.hotline.agent;

import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessagesTest {
    @Test
    void everyLanguageHasEveryKeyOfTheEnglishBundle() {
        Set<String> english = keys(Locale.ENGLISH);
        for (Locale language : Messages.LANGUAGES) {
            Messages m = Messages.forLocale(language);
            assertThat(keys(language)).as("keys of %s", language).isEqualTo(english);
            assertThat(m.locale().getLanguage()).isIn(language.getLanguage(), "");
        }
    }

    @Test
    void chineseTextsAreReadAsUtf8() {
        assertThat(Messages.forLocale(Locale.SIMPLIFIED_CHINESE).get("app.title")).isEqualTo("热线坐席工作台");
        assertThat(Messages.forLocale(Locale.TRADITIONAL_CHINESE).get("app.title")).isEqualTo("熱線座席工作台");
    }

    @Test
    void aMissingKeyNamesTheKey() {
        assertThatThrownBy(() -> Messages.forLocale(Locale.ENGLISH).get("no.such.key"))
                .hasMessageContaining("no.such.key");
    }

    private static Set<String> keys(Locale locale) {
        return new TreeSet<>(Collections.list(Messages.forLocale(locale).bundle().getKeys()));
    }
}
