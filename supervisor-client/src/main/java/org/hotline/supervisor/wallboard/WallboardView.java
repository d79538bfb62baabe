package org.hotline.supervisor.wallboard;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.agent.knowledge.BulletinTicker;
import org.hotline.agent.ui.Fonts;
import org.jfree.chart.fx.ChartViewer;

/**
 * The board for a big display: a header with the clock and, only while the link is down, a
 * discreet "reconnecting" line; the figure tiles in the configured order and columns; the two
 * charts; the bulletins ticker. Large type on a dark theme (supervisor.css). Every listener it
 * adds is on the view model's own properties: nothing outlives the board.
 */
public final class WallboardView {
    private static final Pattern FAMILY = Pattern.compile("-fx-font-family: '([^']+)'");
    private final BorderPane root = new BorderPane();
    private final List<Runnable> detach = new ArrayList<>();

    public WallboardView(WallboardViewModel vm, Messages texts, Messages deskTexts, String title) {
        root.getStyleClass().add("wallboard");
        root.setId("wallboard");

        Label heading = new Label(title);
        heading.getStyleClass().add("wb-heading");
        Label link = new Label();
        link.setId("wb-link");
        link.getStyleClass().add("wb-link");
        link.textProperty().bind(vm.linkTextProperty());
        link.visibleProperty().bind(vm.linkTextProperty().isNotEmpty());
        Label clock = new Label();
        clock.setId("wb-clock");
        clock.getStyleClass().add("wb-clock");
        clock.textProperty().bind(vm.timeProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(24, heading, gap, link, clock);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("wb-header");
        root.setTop(header);

        VBox body = new VBox(16);
        body.setPadding(new Insets(8, 24, 16, 24));
        List<TileModel> tiles = vm.tiles();
        if (!tiles.isEmpty()) {
            GridPane grid = new GridPane();
            grid.setHgap(16);
            grid.setVgap(16);
            int columns = Math.min(vm.settings().columns(), tiles.size());
            for (int c = 0; c < columns; c++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(100.0 / columns);
                cc.setHgrow(Priority.ALWAYS);
                grid.getColumnConstraints().add(cc);
            }
            for (int i = 0; i < tiles.size(); i++) {
                grid.add(tile(tiles.get(i), vm), i % columns, i / columns);
            }
            body.getChildren().add(grid);
        }
        List<Tile> charts = vm.settings().tiles(Tile.Kind.CHART);
        if (!charts.isEmpty()) {
            Matcher m = FAMILY.matcher(Fonts.rootStyle());
            String family = m.find() ? m.group(1) : java.awt.Font.SANS_SERIF;
            WallboardCharts c = new WallboardCharts(family, texts.get("wallboard.chart.calls"),
                    texts.get("wallboard.chart.today"), texts.get("wallboard.chart.last_week"),
                    texts.get("wallboard.chart.service_level"), texts.get("wallboard.chart.service_level_today"),
                    texts.get("wallboard.chart.hours"), vm.settings().thresholds().get(Tile.SERVICE_LEVEL).warning());
            HBox row = new HBox(16);
            for (Tile t : charts) {
                ChartViewer viewer = new ChartViewer(t == Tile.CALLS_CHART ? c.calls : c.level);
                viewer.setId(t == Tile.CALLS_CHART ? "wb-calls-chart" : "wb-level-chart");
                viewer.getStyleClass().add("wb-chart");
                viewer.setMinSize(200, 200);
                viewer.setPrefSize(900, 420);
                HBox.setHgrow(viewer, Priority.ALWAYS);
                row.getChildren().add(viewer);
            }
            VBox.setVgrow(row, Priority.ALWAYS);
            body.getChildren().add(row);
            Runnable redraw = () -> {
                WallboardCharts.fill(c.callsToday, vm.callsToday());
                WallboardCharts.fill(c.callsLastWeek, vm.callsLastWeek());
                WallboardCharts.fill(c.serviceLevel, vm.serviceLevelToday());
            };
            redraw.run();
            ChangeListener<Number> onChange = (o, a, b) -> redraw.run();
            vm.chartsRevisionProperty().addListener(onChange);
            detach.add(() -> vm.chartsRevisionProperty().removeListener(onChange));
        }
        root.setCenter(body);
        if (vm.settings().shows(Tile.BULLETINS)) {
            Node ticker = new BulletinTicker(vm.bulletins(), deskTexts).root();
            ticker.getStyleClass().add("wb-ticker");
            root.setBottom(ticker);
        }
    }

    private static Node tile(TileModel t, WallboardViewModel vm) {
        Label title = new Label(t.title());
        title.getStyleClass().add("wb-tile-title");
        Label value = new Label();
        value.getStyleClass().add("wb-tile-value");
        value.textProperty().bind(t.valueProperty());
        Label detail = new Label();
        detail.getStyleClass().add("wb-tile-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(t.detailProperty());
        // The grid sizes rows from one-line heights: the detail takes the tile's spare height and wraps in it.
        detail.setMaxHeight(Double.MAX_VALUE);
        detail.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox box = new VBox(4, title, value, detail);
        box.setMinWidth(0);
        box.setId("wb-tile-" + t.tile().key());
        box.getStyleClass().addAll("wb-tile", t.levelProperty().get().styleClass());
        box.setMaxWidth(Double.MAX_VALUE);
        t.levelProperty().addListener((o, was, now) -> {
            box.getStyleClass().remove(was.styleClass());
            box.getStyleClass().add(now.styleClass());
        });
        // Old figures while the link is down: dimmed, not hidden.
        box.opacityProperty().bind(javafx.beans.binding.Bindings.when(vm.staleProperty()).then(0.55).otherwise(1.0));
        return box;
    }

    public Parent root() {
        return root;
    }

    /** Removes the listeners this view put on the view model. */
    public void detach() {
        detach.forEach(Runnable::run);
        detach.clear();
    }
}
