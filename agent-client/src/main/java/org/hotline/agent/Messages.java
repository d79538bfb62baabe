package org.hotline.agent;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import static java.util.Objects.requireNonNull;

/**
 * Every text the desk shows, from the {@code messages} bundles: Simplified Chinese, Traditional
 * Chinese and English. Bundles are UTF-8 (Java 9+ reads property bundles as UTF-8).
 */
public final class Messages {
    /** The languages an agent can choose at login, in the order the menu shows them. */
    public static final List<Locale> LANGUAGES = List.of(Locale.SIMPLIFIED_CHINESE, Locale.TRADITIONAL_CHINESE,
            Locale.ENGLISH);

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages forLocale(Locale locale) {
        return of("org.hotline.agent.messages", locale);
    }

    /** The texts of another bundle in the same three languages (the supervisor client's, for one). */
    public static Messages of(String bundle, Locale locale) {
        requireNonNull(locale, "locale");
        return new Messages(ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Locale locale() {
        return bundle.getLocale();
    }

    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text for {@code key}, with {@code args} formatted in ({@link MessageFormat} patterns). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text for key: " + key + " (expected in messages.properties)", e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(args);
    }
}
