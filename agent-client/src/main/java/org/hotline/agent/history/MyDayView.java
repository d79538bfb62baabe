package org.hotline.agent.history;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.hotline.agent.Messages;
import org.hotline.agent.history.MyDayViewModel.StateRow;

/** The "My day" tab: today's figures in large type and the time spent in each state. */
public final class MyDayView {
    private final Tab tab;
    private final Timeline clock;

    public MyDayView(MyDayViewModel vm, Messages messages) {
        GridPane figures = new GridPane();
        figures.setHgap(28);
        figures.setVgap(4);
        figure(figures, 0, messages.get("my.calls_handled"), vm.callsHandledProperty(), "my-calls");
        figure(figures, 1, messages.get("my.average_handle"), vm.averageHandleProperty(), "my-aht");
        figure(figures, 2, messages.get("my.talk"), vm.talkProperty(), "my-talk");

        TableView<StateRow> states = new TableView<>(vm.states());
        states.setId("my-states");
        TableColumn<StateRow, String> state = new TableColumn<>(messages.get("my.state"));
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
        TableColumn<StateRow, String> time = new TableColumn<>(messages.get("my.time"));
        time.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().time()));
        states.getColumns().add(state);
        states.getColumns().add(time);
        states.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        states.setPlaceholder(new Label(messages.get("my.no_states")));
        states.setPrefHeight(240);

        Label asOf = new Label();
        asOf.textProperty().bind(vm.asOfProperty());
        Label error = new Label();
        error.getStyleClass().add("error");
        error.textProperty().bind(vm.errorProperty());
        Button refresh = new Button(messages.get("my.refresh"));
        refresh.setId("my-refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox foot = new HBox(10, refresh, asOf, error);
        VBox box = new VBox(14, figures, states, foot);
        VBox.setVgrow(states, Priority.ALWAYS);
        box.setPadding(new Insets(12));
        tab = new Tab(messages.get("my.tab"), box);
        tab.setId("my-day-tab");
        tab.selectedProperty().addListener((o, a, b) -> vm.setShowing(b));
        clock = new Timeline(new KeyFrame(Duration.seconds(5), e -> vm.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
        clock.play();
    }

    private static void figure(GridPane grid, int col, String caption, javafx.beans.value.ObservableStringValue value, String id) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("my-figure");
        v.textProperty().bind(value);
        Label c = new Label(caption);
        c.getStyleClass().add("my-caption");
        grid.add(v, col, 0);
        grid.add(c, col, 1);
    }

    public Tab tab() {
        return tab;
    }

    public void stop() {
        clock.stop();
    }
}
