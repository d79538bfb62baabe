package org.hotline.agent.login;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * What the desk remembers between starts, in one properties file per Windows or Linux user: the
 * last server, agent id, extension and language, and the pinned certificate of each server. No
 * password is ever stored.
 */
public final class DeskSettings {
    private static final Logger log = LoggerFactory.getLogger(DeskSettings.class);
    private final Path file;
    private final Properties values = new Properties();

    private DeskSettings(Path file) {
        this.file = file;
    }

    /** Reads {@code file}; a missing or unreadable file gives empty settings (logged, never fatal). */
    public static DeskSettings load(Path file) {
        DeskSettings s = new DeskSettings(requireNonNull(file, "file"));
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                s.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                log.warn("desk settings {} unreadable ({}); starting with defaults", file.getFileName(), e.getMessage());
            }
        }
        return s;
    }

    /** The per-user default: {@code %APPDATA%\Hotline\desk.properties} on Windows, else {@code ~/.config/hotline/}. */
    public static Path defaultFile() {
        String appData = System.getenv("APPDATA");
        if (appData != null && !appData.isBlank()) {
            return Path.of(appData, "Hotline", "desk.properties");
        }
        return Path.of(System.getProperty("user.home"), ".config", "hotline", "desk.properties");
    }

    public String server() {
        return values.getProperty("server", "");
    }

    public String agentId() {
        return values.getProperty("agent", "");
    }

    public String extension() {
        return values.getProperty("extension", "");
    }

    public Optional<Locale> language() {
        String tag = values.getProperty("language", "");
        return tag.isEmpty() ? Optional.empty() : Optional.of(Locale.forLanguageTag(tag));
    }

    public Optional<Fingerprint> pin(ServerAddress server) {
        String v = values.getProperty("pin." + server, "");
        try {
            return v.isEmpty() ? Optional.empty() : Optional.of(Fingerprint.parse(v));
        } catch (IllegalArgumentException e) {
            log.warn("ignoring a damaged pin for {} in the desk settings", server);
            return Optional.empty();
        }
    }

    public void rememberLogin(ServerAddress server, String agentId, String extension, Locale language) {
        values.setProperty("server", server.toString());
        values.setProperty("agent", agentId);
        values.setProperty("extension", extension);
        values.setProperty("language", language.toLanguageTag());
        save();
    }

    public void pin(ServerAddress server, Fingerprint fingerprint) {
        values.setProperty("pin." + server, fingerprint.toString());
        save();
    }

    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                values.store(w, "Hotline desk settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("could not save desk settings to {}: {}", file, e.getMessage());
        }
    }
}
