package org.hotline.agent;

import java.util.Locale;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk's window opens on the headless Monocle platform, titled from the English bundle. */
class AgentAppSmokeTest {
    private static Locale before;

    @BeforeAll
    static void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() throws Exception {
        FxToolkit.cleanupStages();
        Locale.setDefault(before);
    }

    @Test
    void theWindowOpensWithItsTitle() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupApplication(AgentApp.class);
        assertThat(stage.getTitle()).isEqualTo("Hotline Agent Desk");
        assertThat(stage.isShowing()).isTrue();
    }
}
