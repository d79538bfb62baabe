package org.hotline.supervisor.admin;

import java.util.EnumMap;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.hotline.agent.Messages;
import org.hotline.supervisor.admin.AdminViewModel.Section;

/**
 * The Administration tab: the sections on the left, the chosen section's list and form on the
 * right. A section is drawn the first time it is chosen; the lists are loaded the first time the
 * tab is shown.
 */
public final class AdminView {
    private final AdminViewModel vm;
    private final Messages texts;
    private final AdminForms forms;
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final Map<Section, Node> drawn = new EnumMap<>(Section.class);

    public AdminView(AdminViewModel vm, Messages texts) {
        this.vm = vm;
        this.texts = texts;
        this.forms = new AdminForms(texts);
        root.setId("admin-panel");
        ListView<Section> nav = new ListView<>();
        nav.setId("admin-nav");
        nav.getItems().setAll(Section.values());
        nav.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? "" : texts.get(s.titleKey()));
            }
        });
        nav.setPrefWidth(140);
        nav.setMinWidth(110);
        nav.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.sectionProperty().set(b);
            }
        });
        vm.sectionProperty().addListener((o, a, b) -> {
            nav.getSelectionModel().select(b);
            show(b);
        });
        nav.getSelectionModel().select(vm.sectionProperty().get());
        show(vm.sectionProperty().get());
        VBox top = new VBox(EntityView.banner(vm.readOnlyReason(), "admin-read-only"));
        top.setId("admin-banner");
        root.setTop(top);
        root.setLeft(nav);
        content.setPadding(new Insets(0, 0, 0, 8));
        root.setCenter(content);
        root.setPadding(new Insets(6));
        root.getStyleClass().add("admin");
    }

    public Node root() {
        return root;
    }

    /** The tab; its lists are loaded when it is first selected. */
    public Tab tab() {
        Tab t = new Tab(texts.get("tab.admin"), root);
        t.setId("tab-admin");
        t.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                vm.open();
            }
        });
        return t;
    }

    private void show(Section s) {
        content.getChildren().setAll(drawn.computeIfAbsent(s, this::draw));
    }

    private Node draw(Section s) {
        return switch (s) {
            case USERS -> {
                var e = vm.users();
                yield section(e, "users", forms.user(e), forms.passwordReset(vm.passwordReset()), null);
            }
            case SKILLS -> section(vm.skills(), "skills", forms.named(vm.skills(), "skills"),
                    null, null);
            case TEAMS -> section(vm.teams(), "teams", forms.named(vm.teams(), "teams"), null, null);
            case DEPARTMENTS -> section(vm.departments(), "departments",
                    forms.department(vm.departments()), null,
                    EntityView.tree(vm.departments(), "departments", texts));
            case QUEUES -> section(vm.queues(), "queues", forms.queue(vm.queues()), null, null);
            case REASON_CODES -> section(vm.reasonCodes(), "reasons",
                    forms.reasonCode(vm.reasonCodes()), null, null);
            case WORK_ORDER_TYPES -> section(vm.workOrderTypes(), "types",
                    forms.workOrderType(vm.workOrderTypes()), null, null);
            case SLA_POLICIES -> section(vm.slaPolicies(), "sla",
                    forms.slaPolicy(vm.slaPolicies()), null, null);
            case CALENDARS -> section(vm.calendars(), "calendars",
                    forms.calendar(vm.calendars()), null, null);
            case BLACKLIST -> section(vm.blacklist(), "blacklist",
                    forms.blacklist(vm.blacklist()), null, null);
            case BULLETINS -> section(vm.bulletins(), "bulletins",
                    forms.bulletin(vm.bulletins()), null, null);
            case PERMISSIONS -> section(vm.permissions(), "permissions",
                    forms.permission(vm.permissions()), null, null);
            case AUDIT -> new AuditView(vm.audit(), texts).root();
        };
    }

    private <T> Node section(EntityEditor<T, ?> editor, String id, Node form, Node extra, Region list) {
        Runnable history = vm.audit().allowed() ? () -> vm.history(editor) : null;
        return new EntityView<>(editor, texts, id, form, extra, history, list == null ? EntityView.list(editor, id, texts) : list)
                .root();
    }
}
