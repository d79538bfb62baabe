package org.hotline.agent.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.hotline.agent.Messages;
import org.hotline.api.v1.ArticleHit;
import org.hotline.api.v1.SearchArticlesResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** On the headless platform: Ctrl+F reaches the search box from another tab, and matches are drawn as bold Text nodes. */
class KnowledgeViewTest {
    private final KnowledgeViewModelTest.FakeKnowledge server = new KnowledgeViewModelTest.FakeKnowledge();
    private final List<String> clipboard = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void ctrlFFocusesTheSearchAndHitsShowTheirMatchesAsTextNodes() throws Exception {
        server.answer("leak", SearchArticlesResponse.newBuilder().setTotalHits(1).addHits(ArticleHit.newBuilder().setId(7)
                .setTitle("燃氣漏氣的緊急處理").setTitleHighlight("燃氣<em>漏氣</em>的緊急處理")
                .addFragments("a &lt;b&gt; <em>leak</em>")).build());
        server.articles.put(7L, KnowledgeViewModelTest.LEAK);
        Messages en = Messages.forLocale(Locale.ENGLISH);
        KnowledgeViewModel vm = new KnowledgeViewModel(server, en, Runnable::run, clipboard::add);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            TabPane tabs = new TabPane(new Tab("Work order", new Label("form")), new KnowledgeView(vm, en).tab());
            s.setScene(new Scene(tabs, 900, 600));
            s.show();
        });
        FxRobot robot = new FxRobot();
        TabPane tabs = (TabPane) stage.getScene().getRoot();
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField search = robot.lookup("#kb-search").queryAs(TextField.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("kb-tab");
        assertThat(search.isFocused()).isTrue();

        robot.write("leak");
        WaitForAsyncUtils.waitForFxEvents();

        List<Text> texts = robot.lookup("#kb-hits").lookup((Node n) -> n instanceof Text).queryAllAs(Text.class)
                .stream().filter(t -> t.getStyleClass().contains("kb-match") || t.getStyleClass().contains("kb-text")).toList();
        assertThat(texts).filteredOn(t -> t.getStyleClass().contains("kb-match")).extracting(Text::getText)
                .containsExactlyInAnyOrder("漏氣", "leak");
        assertThat(texts).extracting(Text::getText).contains("燃氣", "a <b> ").noneMatch(t -> t.contains("<em>"));

        robot.clickOn("漏氣");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#kb-title").queryAs(Label.class).getText()).isEqualTo("燃氣漏氣的緊急處理");
        robot.clickOn("#kb-copy");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(clipboard).containsExactly(KnowledgeViewModelTest.LEAK.getStandardAnswer());
    }
}
