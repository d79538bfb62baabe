package org.hotline.agent.desk;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.Scene;
import javafx.stage.Popup;
import org.hotline.agent.Messages;
import org.hotline.agent.desk.CallActions.Action;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.ReasonCode;

/**
 * The softphone bar across the top of the desk: agent state with its time and the state menu,
 * the current call, and one button per action, each enabled only when valid and each on a key.
 */
public final class SoftphoneBar {
    private final DeskViewModel vm;
    private final Messages messages;
    private final DestinationPicker destinations;
    private final VBox root = new VBox(6);
    private final TextField dialField = new TextField();
    private HBox buttonRow;

    /** Asks for a consult / transfer destination (the directory dialog), or null when cancelled. */
    public interface DestinationPicker {
        String pick(String title, Node owner);
    }

    public SoftphoneBar(DeskViewModel vm, Messages messages, DestinationPicker destinations) {
        this.vm = vm;
        this.messages = messages;
        this.destinations = destinations;
        root.getStyleClass().add("softphone");
        root.setPadding(new Insets(8, 12, 8, 12));

        Label state = new Label();
        state.setId("agent-state");
        state.textProperty().bind(vm.stateTextProperty());
        state.getStyleClass().addAll("state-badge", "bar-text");
        vm.stateProperty().addListener((o, a, b) -> styleState(state, b));
        styleState(state, vm.stateProperty().get());
        Label time = new Label();
        time.setId("state-time");
        time.textProperty().bind(vm.timeInStateProperty());
        time.getStyleClass().addAll("state-time", "bar-text");
        Label pending = new Label();
        pending.textProperty().bind(vm.pendingTextProperty());
        pending.getStyleClass().add("pending");

        MenuButton stateMenu = new MenuButton(messages.get("state.menu"));
        stateMenu.setId("state-menu");
        rebuildStateMenu(stateMenu);
        vm.reasonCodes().addListener((javafx.collections.ListChangeListener<ReasonCode>) c -> rebuildStateMenu(stateMenu));

        VBox stateBox = new VBox(2, new HBox(8, state, time), pending);
        stateBox.setAlignment(Pos.CENTER_LEFT);

        Label caller = new Label();
        caller.setId("caller");
        caller.getStyleClass().addAll("caller", "bar-text");
        caller.textProperty().bind(vm.callerTextProperty());
        Label detail = new Label();
        detail.setId("call-detail");
        detail.textProperty().bind(vm.callDetailProperty());
        detail.getStyleClass().add("call-detail");
        Label callTime = new Label();
        callTime.setId("call-time");
        callTime.textProperty().bind(vm.callTimeProperty());
        callTime.getStyleClass().addAll("call-time", "bar-text");
        VBox callBox = new VBox(2, new HBox(10, caller, callTime), detail);
        callBox.getStyleClass().add("call-box");
        vm.ringingProperty().addListener((o, a, b) -> {
            if (b) {
                callBox.getStyleClass().add("ringing");
            } else {
                callBox.getStyleClass().remove("ringing");
            }
        });
        HBox.setHgrow(callBox, Priority.ALWAYS);
        callBox.setMaxWidth(Double.MAX_VALUE);

        Button answer = action("answer", Action.ANSWER, "F2", vm::answer);
        answer.getStyleClass().add("answer");
        Button hangup = action("hangup", Action.HANGUP, "F3", vm::hangup);
        hangup.getStyleClass().add("hangup");
        Button hold = new Button();
        hold.setId("hold");
        hold.textProperty().bind(Bindings.when(vm.enabled(Action.RETRIEVE)).then(messages.get("action.retrieve"))
                .otherwise(messages.get("action.hold")));
        hold.disableProperty().bind(vm.enabled(Action.HOLD).or(vm.enabled(Action.RETRIEVE)).not());
        hold.setOnAction(e -> vm.toggleHold());
        hold.setTooltip(new Tooltip(messages.get("action.hold") + " / " + messages.get("action.retrieve") + " (F4)"));
        Button consult = action("consult", Action.CONSULT, "F5", () -> {
            String d = destinations.pick(messages.get("action.consult"), root);
            if (d != null) {
                vm.consult(d);
            }
        });
        Button transfer = action("complete-transfer", Action.COMPLETE_TRANSFER, "F6", vm::completeTransfer);
        Button blind = action("blind-transfer", Action.BLIND_TRANSFER, "F7", () -> {
            String d = destinations.pick(messages.get("action.blind_transfer"), root);
            if (d != null) {
                vm.blindTransfer(d);
            }
        });
        Button conference = action("conference", Action.CONFERENCE, "F8", vm::conference);
        Button mute = new Button();
        mute.setId("mute");
        mute.textProperty().bind(Bindings.when(vm.mutedProperty()).then(messages.get("action.unmute"))
                .otherwise(messages.get("action.mute")));
        mute.disableProperty().bind(vm.enabled(Action.MUTE).not());
        mute.setOnAction(e -> vm.toggleMute());
        mute.setTooltip(new Tooltip(messages.get("action.mute") + " (F9)"));
        Button keypad = new Button(messages.get("action.keypad"));
        keypad.setId("keypad");
        keypad.setTooltip(new Tooltip(messages.get("action.keypad") + " (Ctrl+K)"));
        keypad.setOnAction(e -> showKeypad(keypad));
        keypad.disableProperty().bind(vm.enabled(Action.DIGITS).not());

        dialField.setId("dial-number");
        dialField.setPromptText(messages.get("action.dial_prompt"));
        dialField.setPrefColumnCount(11);
        dialField.setOnAction(e -> dial());
        Button dial = new Button(messages.get("action.dial"));
        dial.setId("dial");
        dial.setOnAction(e -> dial());
        dial.disableProperty().bind(vm.enabled(Action.DIAL).not());
        dial.setTooltip(new Tooltip(messages.get("action.dial") + " (Ctrl+D)"));

        Region gap = new Region();
        gap.setMinWidth(8);
        HBox buttons = new HBox(6, answer, hangup, hold, consult, transfer, blind, conference, mute, keypad, gap,
                dialField, dial);
        buttons.setAlignment(Pos.CENTER_LEFT);
        for (Node n : buttons.getChildren()) {
            if (n instanceof Button b) {
                b.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        stateBox.setMinWidth(Region.USE_PREF_SIZE);
        stateMenu.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(12, stateBox, stateMenu, callBox);
        top.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(top, buttons);
        buttonRow = buttons;

        root.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                installShortcuts(scene, hold, mute, keypad);
            }
        });
    }

    private void dial() {
        vm.dial(dialField.getText());
        if (vm.errorProperty().get().isEmpty()) {
            dialField.clear();
        }
    }

    /** Click-to-dial from anywhere on the desk: puts the number in the field and dials. */
    public void dial(String number) {
        dialField.setText(number);
        dial();
    }

    private Button action(String id, Action a, String key, Runnable run) {
        Button b = new Button(messages.get("action." + id.replace('-', '_')));
        b.setId(id);
        b.disableProperty().bind(vm.enabled(a).not());
        b.setOnAction(e -> run.run());
        b.setTooltip(new Tooltip(b.getText() + " (" + key + ")"));
        b.setUserData(KeyCode.valueOf(key));
        return b;
    }

    private void installShortcuts(Scene scene, Button hold, Button mute, Button keypad) {
        for (Node n : buttonRow.getChildren()) {
            if (n instanceof Button b && b.getUserData() instanceof KeyCode k) {
                scene.getAccelerators().put(new KeyCodeCombination(k), () -> {
                    if (!b.isDisabled()) {
                        b.fire();
                    }
                });
            }
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F4), () -> {
            if (!hold.isDisabled()) {
                hold.fire();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), () -> {
            if (!mute.isDisabled()) {
                mute.fire();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN), () -> {
            if (!keypad.isDisabled()) {
                keypad.fire();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN), dialField::requestFocus);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), vm::ready);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN), () -> vm.notReady("break"));
    }

    private void rebuildStateMenu(MenuButton menu) {
        menu.getItems().clear();
        MenuItem ready = new MenuItem(messages.get("state.ready") + "  (Ctrl+R)");
        ready.setId("menu-ready");
        ready.setOnAction(e -> vm.ready());
        menu.getItems().add(ready);
        menu.getItems().add(new SeparatorMenuItem());
        for (ReasonCode r : vm.reasonCodes()) {
            if (r.getCode().equals("missed") || r.getCode().equals("login")) {
                continue; // set by the system, not chosen
            }
            MenuItem item = new MenuItem(messages.get("state.not_ready") + " · " + vm.reasonLabel(r.getCode()));
            item.setId("menu-not-ready-" + r.getCode());
            item.setOnAction(e -> vm.notReady(r.getCode()));
            menu.getItems().add(item);
        }
        menu.getItems().add(new SeparatorMenuItem());
        MenuItem acw = new MenuItem(messages.get("state.after_call_work"));
        acw.setId("menu-acw");
        acw.setOnAction(e -> vm.afterCallWork());
        menu.getItems().add(acw);
    }

    private static void styleState(Label badge, AgentState s) {
        badge.getStyleClass().removeIf(c -> c.startsWith("state-") && !c.equals("state-badge"));
        badge.getStyleClass().add("state-" + s.name().substring("AGENT_STATE_".length()).toLowerCase(Locale.ROOT)
                .replace('_', '-'));
    }

    private void showKeypad(Node owner) {
        Popup popup = new Popup();
        popup.setAutoHide(true);
        GridPane pad = new GridPane();
        pad.getStyleClass().add("keypad");
        pad.setHgap(4);
        pad.setVgap(4);
        pad.setPadding(new Insets(8));
        String[] keys = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#"};
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            Button b = new Button(k);
            b.setId("key-" + (k.equals("*") ? "star" : k.equals("#") ? "hash" : k));
            b.setPrefSize(44, 36);
            b.setOnAction(e -> vm.sendDigits(k));
            pad.add(b, i % 3, i / 3);
        }
        popup.getContent().add(pad);
        var p = owner.localToScreen(0, owner.getBoundsInLocal().getHeight());
        popup.show(owner, p.getX(), p.getY());
    }

    public VBox root() {
        return root;
    }

    /** Asks for a number: the fallback picker when no directory is at hand. */
    public static DestinationPicker typedDestination(Messages messages) {
        return (title, owner) -> {
            TextInputDialog d = new TextInputDialog();
            d.setTitle(title);
            d.setHeaderText(messages.get("transfer.destination"));
            if (owner.getScene() != null) {
                d.initOwner(owner.getScene().getWindow());
            }
            return d.showAndWait().filter(s -> !s.isBlank()).orElse(null);
        };
    }
}
