package org.hotline.agent.login;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.ServerAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DeskSettingsTest {
    static final Fingerprint FP = Fingerprint.parse("11".repeat(32));

    @Test
    void remembersTheLastLoginAndPinsPerServerButNeverThePassword(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/desk.properties");
        ServerAddress a = new ServerAddress("cti", 7443);
        DeskSettings s = DeskSettings.load(file);
        assertThat(s.server()).isEmpty();
        s.rememberLogin(a, "1001", "8001", Locale.TRADITIONAL_CHINESE);
        s.pin(a, FP);

        DeskSettings again = DeskSettings.load(file);
        assertThat(again.server()).isEqualTo("cti:7443");
        assertThat(again.agentId()).isEqualTo("1001");
        assertThat(again.extension()).isEqualTo("8001");
        assertThat(again.language()).contains(Locale.TRADITIONAL_CHINESE);
        assertThat(again.pin(a)).contains(FP);
        assertThat(again.pin(new ServerAddress("other", 7443))).isEmpty();
        assertThat(Files.readString(file)).doesNotContainIgnoringCase("password");
    }

    @Test
    void aDamagedFileGivesDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("desk.properties");
        Files.writeString(file, "pin.cti\\:7443=not-a-fingerprint\nserver=\\u12");
        DeskSettings s = DeskSettings.load(file);
        assertThat(s.pin(new ServerAddress("cti", 7443))).isEmpty();
    }
}
