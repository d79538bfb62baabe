package org.hotline.agent.knowledge;

import java.util.List;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.hotline.agent.Messages;
import org.hotline.agent.knowledge.Highlights.Segment;
import org.hotline.agent.knowledge.KnowledgeViewModel.Hit;
import org.hotline.api.v1.Article;

/**
 * The knowledge tab: the search box (Ctrl+F), the hits with their matches in bold colour, and
 * the article with its standard answer and a button that copies it.
 */
public final class KnowledgeView {
    private final KnowledgeViewModel vm;
    private final Messages messages;
    private final TextField search = new TextField();
    private final Tab tab;

    public KnowledgeView(KnowledgeViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;

        search.setId("kb-search");
        search.setPromptText(messages.get("kb.prompt"));
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setOnAction(e -> vm.search());
        HBox.setHgrow(search, Priority.ALWAYS);
        Label status = new Label();
        status.setId("kb-status");
        status.textProperty().bind(vm.statusProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());

        ListView<Hit> list = new ListView<>(vm.hits());
        list.setId("kb-hits");
        list.setCellFactory(v -> new HitCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.open(b));
        list.setPlaceholder(new Label(messages.get("kb.placeholder")));
        VBox left = new VBox(6, search, new HBox(8, status, error), list);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        SplitPane split = new SplitPane(left, articlePane());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        tab = new Tab(messages.get("kb.tab"), split);
        tab.setId("kb-tab");
        split.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcut(scene);
            }
        });
    }

    private Node articlePane() {
        Label title = new Label();
        title.setId("kb-title");
        title.getStyleClass().add("kb-title");
        title.setWrapText(true);
        Label meta = new Label();
        meta.getStyleClass().add("kb-meta");
        meta.textProperty().bind(vm.articleMetaProperty());
        Text body = new Text();
        body.setId("kb-body");
        TextFlow bodyFlow = new TextFlow(body);
        Label answerHead = new Label(messages.get("kb.standard_answer"));
        answerHead.getStyleClass().add("kb-answer-head");
        Text answer = new Text();
        answer.setId("kb-answer");
        TextFlow answerFlow = new TextFlow(answer);
        answerFlow.getStyleClass().add("kb-answer");
        Button copy = new Button(messages.get("kb.copy"));
        copy.setId("kb-copy");
        copy.disableProperty().bind(vm.canCopyProperty().not());
        copy.setOnAction(e -> vm.copyAnswer());
        VBox answerBox = new VBox(6, answerHead, answerFlow, copy);
        VBox box = new VBox(10, title, meta, bodyFlow, answerBox);
        box.setPadding(new Insets(12));
        vm.articleProperty().addListener((o, a, b) -> show(b, title, body, answer, answerBox));
        show(vm.articleProperty().get(), title, body, answer, answerBox);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void show(Article a, Label title, Text body, Text answer, Node answerBox) {
        title.setText(a == null ? messages.get("kb.no_article") : a.getTitle());
        body.setText(a == null ? "" : a.getBody());
        answer.setText(a == null ? "" : a.getStandardAnswer());
        answerBox.setVisible(a != null && !a.getStandardAnswer().isBlank());
        answerBox.setManaged(answerBox.isVisible());
    }

    private void installShortcut(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (tab.getTabPane() != null) {
                tab.getTabPane().getSelectionModel().select(tab);
            }
            search.requestFocus();
            search.selectAll();
        });
    }

    /** The tab to add to the desk's tab pane. */
    public Tab tab() {
        return tab;
    }

    /** Text nodes for highlighted text: matches bold and coloured, the rest plain; no markup reaches the screen. */
    static TextFlow flow(List<Segment> segments, String styleClass) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add(styleClass);
        for (Segment s : segments) {
            Text t = new Text(s.text());
            t.getStyleClass().add(s.match() ? "kb-match" : "kb-text");
            f.getChildren().add(t);
        }
        return f;
    }

    private static final class HitCell extends ListCell<Hit> {
        @Override
        protected void updateItem(Hit hit, boolean empty) {
            super.updateItem(hit, empty);
            setText(null);
            if (empty || hit == null) {
                setGraphic(null);
                return;
            }
            VBox box = new VBox(2, flow(hit.title(), "kb-hit-title"));
            Label meta = new Label(hit.tags().isEmpty() ? hit.category() : hit.category() + " · " + String.join(", ", hit.tags()));
            meta.getStyleClass().add("kb-meta");
            box.getChildren().add(meta);
            for (List<Segment> f : hit.fragments()) {
                box.getChildren().add(flow(f, "kb-fragment"));
            }
            box.prefWidthProperty().bind(getListView().widthProperty().subtract(28));
            setGraphic(box);
        }
    }

    /** The desk's debouncer: a pause that restarts with every keystroke. */
    public static Debouncer pause(Duration quiet) {
        PauseTransition pause = new PauseTransition(quiet);
        return action -> {
            pause.stop();
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }

    /** The system clipboard. */
    public static TextClipboard systemClipboard() {
        return text -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
        };
    }
}
