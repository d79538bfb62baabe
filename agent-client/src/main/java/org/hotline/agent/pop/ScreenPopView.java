package org.hotline.agent.pop;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.hotline.agent.Messages;
import org.hotline.agent.pop.PopRows.ContactRow;
import org.hotline.agent.pop.PopRows.WorkOrderRow;
import org.hotline.agent.pop.ScreenPopViewModel.Mode;
import org.hotline.agent.pop.ScreenPopViewModel.SearchKind;
import org.hotline.agent.ui.CoalescedList;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.CustomerType;

/**
 * The screen pop panel: search on top, then the call line with "blacklist", then the card (or, in
 * its place, the pick list or the quick-create form), then the open work orders and the contact
 * timeline. Every phone number is a link that dials it.
 */
public final class ScreenPopView {
    private final ScreenPopViewModel vm;
    private final Messages messages;
    private final VBox root = new VBox(6);

    public ScreenPopView(ScreenPopViewModel vm, Messages messages) {
        this.vm = vm;
        this.messages = messages;
        root.getStyleClass().add("pop");
        root.setPadding(new Insets(8));

        StackPane cardArea = new StackPane(card(), pickList(), createForm(), empty());
        cardArea.getStyleClass().add("pop-card-area");

        TableView<WorkOrderRow> orders = workOrderTable();
        TableView<ContactRow> timeline = contactTable();
        VBox.setVgrow(orders, Priority.SOMETIMES);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        Button more = new Button(messages.get("pop.contacts.more"));
        more.setId("pop-more");
        more.disableProperty().bind(vm.moreContactsProperty().not());
        more.setOnAction(e -> vm.moreContacts());
        Label contactsTitle = section("pop.contacts.title");
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox contactsHead = new HBox(8, contactsTitle, fill, more);
        contactsHead.setAlignment(Pos.CENTER_LEFT);

        root.getChildren().addAll(searchBar(), callLine(), status(), cardArea, section("pop.orders.title"), orders,
                contactsHead, timeline);
    }

    private Label section(String key) {
        Label l = new Label(messages.get(key));
        l.getStyleClass().add("pop-section");
        return l;
    }

    private Node searchBar() {
        ChoiceBox<SearchKind> kind = new ChoiceBox<>();
        kind.setId("pop-search-kind");
        kind.getItems().setAll(SearchKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(SearchKind k) {
                return k == null ? "" : messages.get("pop.search.kind." + k.name().toLowerCase(java.util.Locale.ROOT));
            }

            @Override
            public SearchKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(vm.searchKindProperty());
        TextField text = new TextField();
        text.setId("pop-search");
        text.setPromptText(messages.get("pop.search.prompt"));
        text.textProperty().bindBidirectional(vm.searchTextProperty());
        text.setOnAction(e -> vm.search());
        HBox.setHgrow(text, Priority.ALWAYS);
        Button go = new Button(messages.get("pop.search.button"));
        go.setId("pop-search-go");
        go.setOnAction(e -> vm.search());
        Button create = new Button(messages.get("pop.create.button"));
        create.setId("pop-new-customer");
        create.setOnAction(e -> vm.openCreate());
        HBox bar = new HBox(6, kind, text, go, create);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node callLine() {
        Label call = new Label();
        call.setId("pop-call");
        call.getStyleClass().add("pop-call");
        call.textProperty().bind(vm.callTextProperty());
        Button blacklist = new Button(messages.get("pop.blacklist.button"));
        blacklist.setId("pop-blacklist");
        blacklist.getStyleClass().add("pop-blacklist");
        blacklist.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.canBlacklist().get(),
                vm.canBlacklist()));
        blacklist.setOnAction(e -> askBlacklist());
        Region fill = new Region();
        HBox.setHgrow(fill, Priority.ALWAYS);
        HBox line = new HBox(8, call, fill, blacklist);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node status() {
        Label message = new Label();
        message.setId("pop-message");
        message.getStyleClass().add("pop-message");
        message.textProperty().bind(vm.messageProperty());
        message.setWrapText(true);
        Label error = new Label();
        error.setId("pop-error");
        error.getStyleClass().add("pop-error");
        error.textProperty().bind(vm.errorProperty());
        error.setWrapText(true);
        VBox box = new VBox(2, message, error);
        for (Label l : new Label[] {message, error}) {
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        return box;
    }

    private void showIn(Node n, Mode m) {
        n.visibleProperty().bind(vm.modeProperty().isEqualTo(m));
    }

    private Node empty() {
        Label l = new Label(messages.get("pop.empty"));
        l.getStyleClass().add("pop-empty");
        StackPane p = new StackPane(l);
        p.setMinHeight(120);
        showIn(p, Mode.EMPTY);
        return p;
    }

    private Node card() {
        GridPane g = new GridPane();
        g.setId("pop-card");
        g.getStyleClass().add("pop-card");
        g.setHgap(10);
        g.setVgap(4);
        g.setPadding(new Insets(8, 10, 8, 10));
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, values, new ColumnConstraints(), new ColumnConstraints());

        Label name = value(vm.nameProperty(), "pop-name");
        name.getStyleClass().add("pop-name");
        Label account = value(vm.accountProperty(), "pop-account");
        account.getStyleClass().add("pop-account");
        HBox title = new HBox(12, name, account, value(vm.typeProperty(), "pop-type"));
        title.setAlignment(Pos.BASELINE_LEFT);
        g.add(title, 0, 0, 4, 1);

        g.add(key("pop.field.address"), 0, 1);
        Label addr = value(vm.addressProperty(), "pop-address");
        addr.setWrapText(true);
        g.add(addr, 1, 1, 3, 1);

        g.add(key("pop.field.balance"), 0, 2);
        g.add(value(vm.balanceProperty(), "pop-balance"), 1, 2);
        g.add(key("pop.field.arrears"), 2, 2);
        Label arrears = value(vm.arrearsProperty(), "pop-arrears");
        vm.inArrearsProperty().addListener((o, a, b) -> flag(arrears, "pop-alert", b));
        g.add(arrears, 3, 2);

        g.add(key("pop.field.meter"), 0, 3);
        g.add(value(vm.meterProperty(), "pop-meter"), 1, 3);
        g.add(key("pop.field.last_reading"), 2, 3);
        g.add(value(vm.lastReadingProperty(), "pop-last-reading"), 3, 3);

        g.add(key("pop.field.status"), 0, 4);
        Label status = value(vm.serviceStatusProperty(), "pop-status");
        vm.serviceImpairedProperty().addListener((o, a, b) -> flag(status, "pop-alert", b));
        g.add(status, 1, 4);

        g.add(key("pop.field.phones"), 0, 5);
        FlowPane phones = new FlowPane(6, 2);
        phones.setId("pop-phones");
        ObservableList<String> numbers = coalesced(vm.phones());
        numbers.addListener((ListChangeListener<String>) c -> showPhones(phones, numbers));
        showPhones(phones, numbers);
        g.add(phones, 1, 5, 3, 1);
        showIn(g, Mode.CARD);
        return g;
    }

    private static void flag(Node n, String style, boolean on) {
        if (on && !n.getStyleClass().contains(style)) {
            n.getStyleClass().add(style);
        } else if (!on) {
            n.getStyleClass().remove(style);
        }
    }

    private Label key(String k) {
        Label l = new Label(messages.get(k));
        l.getStyleClass().add("pop-key");
        return l;
    }

    private static Label value(ObservableValue<String> v, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(v);
        return l;
    }

    /**
     * One link per number; the links already there only change their texts, so a new caller does
     * not build new links (each a control with its skin, CSS and tooltip) on the FX thread.
     */
    private void showPhones(FlowPane phones, List<String> numbers) {
        ObservableList<Node> links = phones.getChildren();
        for (int i = 0; i < numbers.size(); i++) {
            String number = numbers.get(i);
            Hyperlink h;
            if (i < links.size()) {
                h = (Hyperlink) links.get(i);
            } else {
                h = new Hyperlink();
                h.getStyleClass().add("dial-link");
                h.setTooltip(new Tooltip());
                h.setOnAction(e -> vm.dial(h.getText()));
                links.add(h);
            }
            h.setText(number);
            h.getTooltip().setText(messages.get("action.dial") + " " + number);
        }
        if (links.size() > numbers.size()) {
            links.remove(numbers.size(), links.size());
        }
    }

    /** What the view shows of one of the view model's lists: its state after each burst of events. */
    private <T> ObservableList<T> coalesced(ObservableList<T> list) {
        return new CoalescedList<>(list, Platform::runLater).items();
    }

    private Node pickList() {
        TableView<Customer> t = new TableView<>(coalesced(vm.candidates()));
        t.setId("pop-pick");
        t.getColumns().add(column("pop.col.account", Customer::getAccountNo, 90));
        t.getColumns().add(column("pop.col.name", Customer::getName, 110));
        t.getColumns().add(column("pop.col.address", Customer::getAddress, 260));
        t.getColumns().add(column("pop.col.phones", c -> String.join(", ", c.getPhonesList()), 160));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        t.setRowFactory(tv -> {
            TableRow<Customer> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.choose(row.getItem());
                }
            });
            return row;
        });
        t.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && t.getSelectionModel().getSelectedItem() != null) {
                vm.choose(t.getSelectionModel().getSelectedItem());
            }
        });
        t.setPrefHeight(170);
        Button choose = new Button(messages.get("pop.pick.choose"));
        choose.setId("pop-choose");
        choose.disableProperty().bind(t.getSelectionModel().selectedItemProperty().isNull());
        choose.setOnAction(e -> vm.choose(t.getSelectionModel().getSelectedItem()));
        HBox head = new HBox(8, section("pop.pick.title"), choose);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head, t);
        showIn(box, Mode.PICK);
        return box;
    }

    private Node createForm() {
        GridPane g = new GridPane();
        g.setId("pop-create");
        g.getStyleClass().add("pop-card");
        g.setHgap(8);
        g.setVgap(4);
        g.setPadding(new Insets(8, 10, 8, 10));
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        g.add(section("pop.create.title"), 0, 0, 2, 1);
        g.add(key("pop.create.name"), 0, 1);
        g.add(field(vm.newNameProperty(), "pop-new-name"), 1, 1);
        g.add(key("pop.create.phones"), 0, 2);
        g.add(field(vm.newPhonesProperty(), "pop-new-phones"), 1, 2);
        g.add(key("pop.create.address"), 0, 3);
        g.add(field(vm.newAddressProperty(), "pop-new-address"), 1, 3);
        g.add(key("pop.create.district"), 0, 4);
        g.add(field(vm.newDistrictProperty(), "pop-new-district"), 1, 4);
        g.add(key("pop.create.type"), 0, 5);
        ChoiceBox<CustomerType> type = new ChoiceBox<>();
        type.getItems().setAll(CustomerType.CUSTOMER_TYPE_RESIDENTIAL, CustomerType.CUSTOMER_TYPE_COMMERCIAL,
                CustomerType.CUSTOMER_TYPE_LARGE_ACCOUNT, CustomerType.CUSTOMER_TYPE_VIP);
        type.setConverter(new StringConverter<>() {
            @Override
            public String toString(CustomerType t) {
                return t == null ? "" : vm.typeLabel(t);
            }

            @Override
            public CustomerType fromString(String s) {
                return null;
            }
        });
        type.valueProperty().bindBidirectional(vm.newTypeProperty());
        g.add(type, 1, 5);
        Label problem = new Label();
        problem.setId("pop-create-error");
        problem.getStyleClass().add("pop-error");
        problem.textProperty().bind(vm.createErrorProperty());
        Button save = new Button(messages.get("pop.create.save"));
        save.setId("pop-create-save");
        save.setDefaultButton(false);
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.create());
        Button cancel = new Button(messages.get("pop.create.cancel"));
        cancel.setOnAction(e -> vm.cancelCreate());
        HBox buttons = new HBox(8, save, cancel, problem);
        buttons.setAlignment(Pos.CENTER_LEFT);
        g.add(buttons, 1, 6);
        showIn(g, Mode.CREATE);
        return g;
    }

    private static TextField field(javafx.beans.property.StringProperty p, String id) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(p);
        return f;
    }

    private TableView<WorkOrderRow> workOrderTable() {
        TableView<WorkOrderRow> t = new TableView<>(coalesced(vm.openWorkOrders()));
        t.setId("pop-orders");
        t.setPlaceholder(new Label(messages.get("pop.orders.none")));
        t.getColumns().add(column("pop.col.number", WorkOrderRow::number, 120));
        t.getColumns().add(column("pop.col.type", WorkOrderRow::type, 80));
        t.getColumns().add(column("pop.col.status", WorkOrderRow::status, 70));
        t.getColumns().add(column("pop.col.priority", WorkOrderRow::priority, 60));
        t.getColumns().add(column("pop.col.created", WorkOrderRow::created, 120));
        t.getColumns().add(column("pop.col.due", WorkOrderRow::due, 120));
        t.getColumns().add(column("pop.col.title", WorkOrderRow::title, 200));
        t.setPrefHeight(120);
        t.setMinHeight(80);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        return t;
    }

    private TableView<ContactRow> contactTable() {
        TableView<ContactRow> t = new TableView<>(coalesced(vm.contacts()));
        t.setId("pop-contacts");
        t.setPlaceholder(new Label(messages.get("pop.contacts.none")));
        t.getColumns().add(column("pop.col.when", ContactRow::when, 120));
        t.getColumns().add(column("pop.col.kind", ContactRow::kind, 80));
        t.getColumns().add(column("pop.col.agent", ContactRow::agent, 50));
        TableColumn<ContactRow, String> phone = column("pop.col.phone", ContactRow::phone, 110);
        phone.setCellFactory(c -> new org.hotline.agent.ui.DialLinkCell<ContactRow, String>(n -> n,
                n -> messages.get("action.dial") + " " + n, vm::dial));
        t.getColumns().add(phone);
        t.getColumns().add(column("pop.col.work_order", ContactRow::workOrder, 110));
        t.getColumns().add(column("pop.col.summary", ContactRow::summary, 220));
        t.setPrefHeight(200);
        t.setMinHeight(100);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        return t;
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> value, double width) {
        TableColumn<R, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** Asks for the reason and the days, then confirms; only then blacklists. */
    private void askBlacklist() {
        PopCall call = vm.currentCallProperty().get();
        if (call == null) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle(messages.get("pop.blacklist.title"));
        d.setHeaderText(messages.get("pop.blacklist.title") + ": " + call.callerNumber());
        TextField reason = new TextField();
        reason.setId("pop-blacklist-reason");
        Spinner<Integer> days = new Spinner<>(0, ScreenPopViewModel.MAX_BLACKLIST_DAYS, 30);
        days.setEditable(true);
        days.setId("pop-blacklist-days");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        g.addRow(0, new Label(messages.get("pop.blacklist.reason")), reason);
        g.addRow(1, new Label(messages.get("pop.blacklist.days")), days);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        if (root.getScene() != null) {
            d.initOwner(root.getScene().getWindow());
        }
        Optional<ButtonType> answer = d.showAndWait();
        if (answer.isEmpty() || answer.get() != ButtonType.OK) {
            return;
        }
        int n = days.getValue() == null ? 0 : days.getValue();
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, n == 0
                ? messages.get("pop.blacklist.confirm_forever", call.callerNumber())
                : messages.get("pop.blacklist.confirm", call.callerNumber(), n), ButtonType.OK, ButtonType.CANCEL);
        confirm.setTitle(messages.get("pop.blacklist.title"));
        confirm.setHeaderText(null);
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        if (confirm.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            vm.blacklistCaller(reason.getText(), n);
        }
    }

    public Parent root() {
        return root;
    }
}
