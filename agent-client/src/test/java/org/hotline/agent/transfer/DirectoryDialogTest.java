package org.hotline.agent.transfer;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.hotline.agent.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The picker dialog on the headless platform: type, Enter, and the consult / transfer gets its
 * destination. (TestFX writes text into the window it targets, so the test targets the dialog.)
 */
class DirectoryDialogTest {
    private final FxRobot robot = new FxRobot();
    private final DirectoryDialog dialog = new DirectoryDialog(
            () -> CompletableFuture.completedFuture(DirectoryViewModelTest.DIRECTORY), Messages.forLocale(Locale.ENGLISH), "1004");
    private Label owner;

    @BeforeEach
    void stage() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            owner = new Label("desk");
            s.setScene(new Scene(owner, 400, 300));
            s.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void typingANameAndEnterPicksThatAgent() throws Exception {
        Future<String> picked = WaitForAsyncUtils.asyncFx(() -> dialog.pick("Blind transfer", owner));
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ListView<DirectoryViewModel.Entry> list = robot.lookup("#transfer-list").queryAs(ListView.class);
        assertThat(list.getItems()).extracting(DirectoryViewModel.Entry::destination)
                .startsWith("1000", "1002", "queue:billing");

        assertThat(robot.lookup("#transfer-filter").query().isFocused()).as("the filter has the focus at once").isTrue();

        robot.targetWindow("Blind transfer").write("ben").type(KeyCode.ENTER);

        assertThat(picked.get(10, TimeUnit.SECONDS)).isEqualTo("1002");
    }

    @Test
    void aTypedNumberIsTakenAsIs() throws Exception {
        Future<String> picked = WaitForAsyncUtils.asyncFx(() -> dialog.pick("Consult", owner));
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow("Consult").write("13900000001").type(KeyCode.ENTER);
        assertThat(picked.get(10, TimeUnit.SECONDS)).isEqualTo("13900000001");
    }

    @Test
    void textThatIsNobodyKeepsTheDialogOpenWithTheReasonAndEscapeCancels() throws Exception {
        Future<String> picked = WaitForAsyncUtils.asyncFx(() -> dialog.pick("Consult", owner));
        WaitForAsyncUtils.waitForFxEvents();
        robot.targetWindow("Consult").write("zzz").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picked.isDone()).isFalse();
        assertThat(robot.lookup("Nobody matches \"zzz\", and it is not a phone number.").tryQuery()).isPresent();

        robot.type(KeyCode.ESCAPE);
        assertThat(picked.get(10, TimeUnit.SECONDS)).isNull();
    }
}
