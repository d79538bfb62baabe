package org.hotline.agent.knowledge;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.hotline.agent.Messages;
import org.hotline.api.v1.Bulletin;

/**
 * The strip at the bottom of the desk that shows the bulletins valid now, one at a time; a click
 * opens the full text. Hidden while there is none.
 */
public final class BulletinTicker {
    private final HBox root = new HBox(10);
    private final Timeline clock;

    public BulletinTicker(BulletinsViewModel vm, Messages messages) {
        root.setId("bulletin-ticker");
        root.getStyleClass().add("bulletin-ticker");
        root.setPadding(new Insets(4, 12, 4, 12));
        root.setAlignment(Pos.CENTER_LEFT);
        Label badge = new Label(messages.get("kb.bulletin"));
        badge.getStyleClass().add("bulletin-badge");
        Label count = new Label();
        count.getStyleClass().add("bulletin-count");
        Label text = new Label();
        text.setId("bulletin-text");
        text.getStyleClass().add("bulletin-text");
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        root.getChildren().addAll(badge, text, count);
        root.setCursor(Cursor.HAND);
        vm.shownProperty().addListener((o, a, b) -> show(vm, b, text, count, messages));
        vm.current().addListener((javafx.collections.ListChangeListener<Bulletin>) c ->
                show(vm, vm.shownProperty().get(), text, count, messages));
        show(vm, vm.shownProperty().get(), text, count, messages);
        root.setOnMouseClicked(e -> {
            Bulletin b = vm.shownProperty().get();
            if (b != null) {
                open(b, messages);
            }
        });
        clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private void show(BulletinsViewModel vm, Bulletin b, Label text, Label count, Messages messages) {
        boolean any = b != null;
        root.setVisible(any);
        root.setManaged(any);
        text.setText(any ? b.getTitle() + (b.getBody().isBlank() ? "" : " — " + b.getBody().replace('\n', ' ')) : "");
        int n = vm.current().size();
        count.setText(n > 1 ? messages.get("kb.bulletin_count", vm.current().indexOf(b) + 1, n) : "");
    }

    private void open(Bulletin b, Messages messages) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle(messages.get("kb.bulletin"));
        a.setHeaderText(b.getTitle());
        TextArea body = new TextArea(b.getBody());
        body.setEditable(false);
        body.setWrapText(true);
        body.setPrefRowCount(8);
        a.getDialogPane().setContent(body);
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.show();
    }

    public Node root() {
        return root;
    }

    /** Stops the ticker's clock when the desk closes. */
    public void stop() {
        clock.stop();
    }
}
