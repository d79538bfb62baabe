package org.hotline.agent.desk;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;

/**
 * The desk's main window: the softphone bar on top, the link banner under it, the work area
 * (screen pop and the tabs) in the middle, notices and errors at the bottom.
 */
public final class DeskWindow {
    private final BorderPane root = new BorderPane();

    public DeskWindow(SoftphoneBar bar, DeskViewModel desk, LinkViewModel link, Messages messages, String who,
                      Node workArea, Node ticker) {
        Label banner = new Label();
        banner.setId("link-banner");
        banner.getStyleClass().add("link-banner");
        banner.textProperty().bind(link.bannerProperty());
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.managedProperty().bind(link.bannerProperty().isNotEmpty());
        banner.visibleProperty().bind(banner.managedProperty());
        root.setTop(new VBox(bar.root(), banner));
        root.setCenter(workArea);

        Label notice = new Label();
        notice.setId("notice");
        notice.getStyleClass().add("notice");
        notice.textProperty().bind(desk.noticeProperty());
        Label error = new Label();
        error.setId("error");
        error.getStyleClass().add("error");
        error.textProperty().bind(desk.errorProperty());
        Label me = new Label(who);
        me.getStyleClass().add("who");
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox status = new HBox(12, me, notice, error, fill);
        status.setPadding(new Insets(4, 12, 4, 12));
        status.getStyleClass().add("status-bar");
        root.setBottom(ticker == null ? status : new VBox(ticker, status));
        root.getStyleClass().add("desk");
        // The softphone is disabled as a whole while the link is down: a click would only fail.
        bar.root().disableProperty().bind(link.onlineProperty().not());
        this.bar = bar;
    }

    private final SoftphoneBar bar;

    /** A session without an extension has no phone: the softphone stays disabled for the whole session. */
    public void phoneOff() {
        bar.root().disableProperty().unbind();
        bar.root().setDisable(true);
    }

    public Parent root() {
        return root;
    }
}
