package org.hotline.agent.pop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import com.google.protobuf.Timestamp;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.agent.pop.PopRows.ContactRow;
import org.hotline.agent.pop.PopRows.WorkOrderRow;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.Contact;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.CustomerType;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.hotline.api.v1.PoppedCustomer;
import org.hotline.api.v1.ScreenPop;
import org.hotline.api.v1.WorkOrderSummary;

import static java.util.Objects.requireNonNull;

/**
 * The screen pop: who is calling (the customer card, a pick list when a number is shared, a
 * quick-create form when nobody matches), their open work orders and their contact timeline,
 * customer search with or without a call, and blacklisting the caller. Fed by desk events on the
 * FX thread; holds no node, so it is tested without a screen.
 *
 * <p>A pop replaces the card when it arrives (a new call, or a call transferred or conferenced
 * to this desk); when the call ends the card stays until the next call, so the agent can finish
 * the work order. A customer chosen for a live call is attached to it, so the desk that receives
 * the call by transfer shows that customer rather than the pick list.
 */
public final class ScreenPopViewModel {
    /** What the card area shows. */
    public enum Mode { EMPTY, CARD, PICK, CREATE }

    /** How the search text is read; AUTO: digits are a phone, a letter then digits an account, else name or address. */
    public enum SearchKind { AUTO, ACCOUNT, PHONE, TEXT }

    static final int POP_CONTACTS = 10;
    static final int MORE_STEP = 50;
    static final int MAX_CONTACTS = 500;
    static final int SEARCH_LIMIT = 50;
    static final int MAX_BLACKLIST_DAYS = 3650;
    private static final int POPS_KEPT = 32;

    private final CustomerGateway gateway;
    private final Messages messages;
    private final ErrorTexts errors;
    private final Consumer<String> dialer;
    private final DateTimeFormatter timeFormat;
    private final DateTimeFormatter dateFormat;

    /** The latest pop of each recent call, so a call that rings again (transfer back) shows at once. */
    private final Map<String, ScreenPop> pops = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ScreenPop> eldest) {
            return size() > POPS_KEPT;
        }
    };
    /** The customer attached to each call as the call updates say (data that follows the call). */
    private final Map<String, String> attachedTo = new HashMap<>();
    private final java.util.Set<String> ended = new java.util.HashSet<>();
    private ScreenPop shownPop;
    private int generation;
    private int attachesPending;
    private int pending;

    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.EMPTY);
    private final ObjectProperty<PopCall> call = new SimpleObjectProperty<>();
    private final ObjectProperty<Customer> selected = new SimpleObjectProperty<>();
    private final ObservableList<Customer> candidates = FXCollections.observableArrayList();
    private final ObservableList<WorkOrderRow> workOrders = FXCollections.observableArrayList();
    private final ObservableList<ContactRow> contacts = FXCollections.observableArrayList();
    private final ObservableList<String> phones = FXCollections.observableArrayList();
    // Made once: a wrapper made per call would be held only weakly by its list, and a view's listener on it lost at the next GC.
    private final ObservableList<Customer> candidatesView = FXCollections.unmodifiableObservableList(candidates);
    private final ObservableList<WorkOrderRow> workOrdersView = FXCollections.unmodifiableObservableList(workOrders);
    private final ObservableList<ContactRow> contactsView = FXCollections.unmodifiableObservableList(contacts);
    private final ObservableList<String> phonesView = FXCollections.unmodifiableObservableList(phones);
    private final BooleanProperty moreContacts = new SimpleBooleanProperty();
    private int contactLimit = POP_CONTACTS;

    private final StringProperty callText = new SimpleStringProperty("");
    private final StringProperty account = new SimpleStringProperty("");
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty address = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("");
    private final StringProperty balance = new SimpleStringProperty("");
    private final StringProperty arrears = new SimpleStringProperty("");
    private final BooleanProperty inArrears = new SimpleBooleanProperty();
    private final StringProperty meter = new SimpleStringProperty("");
    private final StringProperty lastReading = new SimpleStringProperty("");
    private final StringProperty serviceStatus = new SimpleStringProperty("");
    private final BooleanProperty serviceImpaired = new SimpleBooleanProperty();

    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<SearchKind> searchKind = new SimpleObjectProperty<>(SearchKind.AUTO);

    private final StringProperty newName = new SimpleStringProperty("");
    private final StringProperty newPhones = new SimpleStringProperty("");
    private final StringProperty newAddress = new SimpleStringProperty("");
    private final StringProperty newDistrict = new SimpleStringProperty("");
    private final ObjectProperty<CustomerType> newType = new SimpleObjectProperty<>(CustomerType.CUSTOMER_TYPE_RESIDENTIAL);
    private final StringProperty createError = new SimpleStringProperty("");
    /** Kept while the form is unchanged, so pressing Create again after a lost answer creates one customer. */
    private String createRequestId;
    private Mode beforeCreate = Mode.EMPTY;

    private final BooleanBinding canBlacklist;

    public ScreenPopViewModel(CustomerGateway gateway, Messages messages, Clock clock, Consumer<String> dialer) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.messages = requireNonNull(messages, "messages");
        this.errors = new ErrorTexts(messages);
        this.dialer = requireNonNull(dialer, "dialer");
        requireNonNull(clock, "clock");
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", messages.locale()).withZone(clock.getZone());
        this.dateFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd", messages.locale()).withZone(clock.getZone());
        for (StringProperty p : List.of(newName, newPhones, newAddress, newDistrict)) {
            p.addListener((o, a, b) -> createRequestId = null);
        }
        newType.addListener((o, a, b) -> createRequestId = null);
        canBlacklist = Bindings.createBooleanBinding(() -> call.get() != null && call.get().live(), call);
        call.addListener((o, a, b) -> callText.set(describe(b)));
        callText.set(describe(null));
    }

    // --- desk events ---

    /** Applies one desk event: pops, and the call updates that say whether the call is still here and whom it is about. */
    public void apply(DeskEvent e) {
        switch (e.getKindCase()) {
            case POP -> applyPop(e.getPop());
            case CALL -> applyCall(e.getCall());
            case SNAPSHOT -> applySnapshot(e.getSnapshot());
            default -> { }
        }
    }

    private void applyPop(ScreenPop p) {
        pops.put(p.getCallId(), p);
        show(p);
    }

    private void applyCall(CallUpdate u) {
        Call c = u.getCall();
        String id = c.getCallId();
        PopCall current = call.get();
        boolean isCurrent = current != null && current.callId().equals(id);
        if (u.getKind() == CallUpdate.Kind.KIND_ENDED) {
            ended.add(id);
            attachedTo.remove(id);
            if (isCurrent && current.live()) {
                call.set(new PopCall(id, current.callerNumber(), false));
            }
            return;
        }
        ended.remove(id);
        String attached = c.getData().getCustomerId();
        if (!attached.isEmpty()) {
            attachedTo.put(id, attached);
        }
        boolean offered = u.getKind() == CallUpdate.Kind.KIND_RINGING || u.getKind() == CallUpdate.Kind.KIND_TRANSFERRED;
        if (offered && !isCurrent) {
            ScreenPop known = pops.get(id);
            if (known != null) {
                show(known);
            } else {
                awaitPop(id, c.getData().getCallerNumber());
            }
            return;
        }
        if (isCurrent && !attached.isEmpty() && attachesPending == 0 && !attached.equals(selectedAccount())) {
            // Another desk chose the customer (before a transfer, or in a conference): follow it.
            follow(attached);
        }
    }

    private void applySnapshot(DeskSnapshot s) {
        PopCall current = call.get();
        boolean stillHere = false;
        for (Call c : s.getCallsList()) {
            if (!c.getData().getCustomerId().isEmpty()) {
                attachedTo.put(c.getCallId(), c.getData().getCustomerId());
            }
            stillHere |= current != null && c.getCallId().equals(current.callId());
        }
        if (current != null && current.live() && !stillHere) {
            // The call ended while the link was down.
            ended.add(current.callId());
            call.set(new PopCall(current.callId(), current.callerNumber(), false));
        }
    }

    /** A call was offered before its pop came: clear the previous caller's card so it is not taken for this one. */
    private void awaitPop(String callId, String callerNumber) {
        generation++;
        shownPop = null;
        call.set(new PopCall(callId, callerNumber, true));
        clearCustomer();
        mode.set(Mode.EMPTY);
        error.set("");
        message.set(messages.get("pop.looking_up", callerNumber));
    }

    private void show(ScreenPop p) {
        generation++;
        shownPop = p;
        call.set(new PopCall(p.getCallId(), p.getCallerNumber(), !ended.contains(p.getCallId())));
        error.set("");
        message.set("");
        String attached = attachedTo.getOrDefault(p.getCallId(), "");
        if (!attached.isEmpty()) {
            follow(attached);
            return;
        }
        switch (p.getCustomersCount()) {
            case 0 -> {
                clearCustomer();
                mode.set(Mode.EMPTY);
                message.set(messages.get("pop.unknown_caller", p.getCallerNumber()));
                openCreate();
            }
            case 1 -> showPopped(p.getCustomers(0));
            default -> {
                clearCustomer();
                candidates.setAll(p.getCustomersList().stream().map(PoppedCustomer::getCustomer).toList());
                message.set(messages.get("pop.shared_number", p.getCallerNumber(), p.getCustomersCount()));
                mode.set(Mode.PICK);
            }
        }
    }

    /** Shows the customer attached to the call: from the pop when it is there, else from the server. */
    private void follow(String accountNo) {
        Optional<PoppedCustomer> inPop = popped(accountNo);
        if (inPop.isPresent()) {
            generation++;
            showPopped(inPop.get());
            return;
        }
        int gen = ++generation;
        tracked(gateway.getByAccount(accountNo)).whenComplete((c, e) -> {
            if (gen != generation) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
            } else if (c.isEmpty()) {
                error.set(messages.get("pop.account_not_found", accountNo));
            } else {
                showLoaded(c.get(), gen);
            }
        });
    }

    private Optional<PoppedCustomer> popped(String accountNo) {
        if (shownPop == null) {
            return Optional.empty();
        }
        return shownPop.getCustomersList().stream().filter(pc -> pc.getCustomer().getAccountNo().equals(accountNo)).findFirst();
    }

    private void showPopped(PoppedCustomer pc) {
        setCustomer(pc.getCustomer());
        workOrders.setAll(pc.getOpenWorkOrdersList().stream().map(this::row).toList());
        setContacts(pc.getRecentContactsList(), POP_CONTACTS);
        mode.set(Mode.CARD);
    }

    /** Shows a customer the pop did not carry (searched, created, attached elsewhere) and fetches the rest. */
    private void showLoaded(Customer c, int gen) {
        setCustomer(c);
        workOrders.clear();
        contacts.clear();
        moreContacts.set(false);
        mode.set(Mode.CARD);
        String acct = c.getAccountNo();
        tracked(gateway.openWorkOrders(acct)).whenComplete((list, e) -> {
            if (gen != generation) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
            } else {
                workOrders.setAll(list.stream().map(this::row).toList());
            }
        });
        tracked(gateway.listContacts(acct, POP_CONTACTS)).whenComplete((list, e) -> {
            if (gen != generation) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
            } else {
                setContacts(list, POP_CONTACTS);
            }
        });
    }

    // --- the agent's actions ---

    /** The agent chose a customer from the pick list (a shared number, or search results). */
    public void choose(Customer c) {
        requireNonNull(c, "c");
        error.set("");
        message.set("");
        Optional<PoppedCustomer> inPop = popped(c.getAccountNo());
        if (inPop.isPresent()) {
            generation++;
            showPopped(inPop.get());
        } else {
            showLoaded(c, ++generation);
        }
        attachToCall(c.getAccountNo());
    }

    private void attachToCall(String accountNo) {
        PopCall current = call.get();
        if (current == null || !current.live() || accountNo.equals(attachedTo.get(current.callId()))) {
            return;
        }
        attachesPending++;
        gateway.attachCustomer(current.callId(), accountNo).whenComplete((r, e) -> {
            attachesPending--;
            if (e != null) {
                error.set(messages.get("pop.attach_failed", errors.of(e)));
            } else {
                attachedTo.put(current.callId(), accountNo);
            }
        });
    }

    /** Searches by the search text and kind; one hit shows its card, several a pick list. */
    public void search() {
        String text = searchText.get() == null ? "" : searchText.get().trim();
        error.set("");
        if (text.isEmpty()) {
            error.set(messages.get("pop.search.empty"));
            return;
        }
        SearchKind kind = searchKind.get() == SearchKind.AUTO ? detect(text) : searchKind.get();
        int gen = ++generation;
        CompletableFuture<List<Customer>> found = switch (kind) {
            case PHONE -> gateway.lookupByPhone(digits(text));
            case ACCOUNT -> gateway.getByAccount(text.toUpperCase(Locale.ROOT)).thenApply(o -> o.map(List::of).orElse(List.of()));
            default -> gateway.search(text, SEARCH_LIMIT);
        };
        tracked(found).whenComplete((list, e) -> {
            if (gen != generation) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
            } else if (list.isEmpty()) {
                message.set(messages.get("pop.search.none", text));
            } else if (list.size() == 1) {
                choose(list.get(0));
            } else {
                candidates.setAll(list);
                message.set(messages.get("pop.search.found", list.size(), text));
                mode.set(Mode.PICK);
            }
        });
    }

    /** Counts the request while it runs: the panel is busy while any request is out, whichever finishes last. */
    private <T> CompletableFuture<T> tracked(CompletableFuture<T> f) {
        pending++;
        busy.set(true);
        return f.whenComplete((r, e) -> {
            pending--;
            busy.set(pending > 0);
        });
    }

    static SearchKind detect(String text) {
        String d = text.replaceAll("[\\s\\-()+]", "");
        if (d.matches("[0-9]{3,32}")) {
            return SearchKind.PHONE;
        }
        if (text.matches("[A-Za-z]{1,3}[0-9]{1,16}")) {
            return SearchKind.ACCOUNT;
        }
        return SearchKind.TEXT;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    /** Opens the quick-create form, with the caller's number filled in when there is a call. */
    public void openCreate() {
        if (mode.get() != Mode.CREATE) {
            beforeCreate = mode.get();
        }
        PopCall current = call.get();
        newName.set("");
        newAddress.set("");
        newDistrict.set("");
        newType.set(CustomerType.CUSTOMER_TYPE_RESIDENTIAL);
        newPhones.set(current == null ? "" : current.callerNumber());
        createError.set("");
        createRequestId = null;
        mode.set(Mode.CREATE);
    }

    public void cancelCreate() {
        createError.set("");
        mode.set(beforeCreate == Mode.CREATE ? Mode.EMPTY : beforeCreate);
    }

    /** Validates the form; when it is fine creates the customer, shows its card and attaches it to a live call. */
    public void create() {
        Optional<String> problem = validateNew();
        if (problem.isPresent()) {
            createError.set(problem.get());
            return;
        }
        createError.set("");
        if (createRequestId == null) {
            createRequestId = UUID.randomUUID().toString();
        }
        CustomerGateway.NewCustomer n = new CustomerGateway.NewCustomer(createRequestId, newName.get().trim(),
                parsePhones(newPhones.get()), newAddress.get().trim(), newDistrict.get().trim(), newType.get());
        int gen = ++generation;
        tracked(gateway.createCustomer(n)).whenComplete((c, e) -> {
            if (e != null) {
                createError.set(errors.of(e));
                return;
            }
            if (gen != generation) {
                return;
            }
            createRequestId = null;
            setCustomer(c);
            workOrders.clear();
            contacts.clear();
            moreContacts.set(false);
            mode.set(Mode.CARD);
            message.set(messages.get("pop.create.done", c.getAccountNo()));
            attachToCall(c.getAccountNo());
        });
    }

    /** The first problem of the quick-create form, in the agent's language. */
    Optional<String> validateNew() {
        if (newName.get() == null || newName.get().isBlank()) {
            return Optional.of(messages.get("pop.create.name_required"));
        }
        String raw = newPhones.get() == null ? "" : newPhones.get().trim();
        if (raw.isEmpty()) {
            return Optional.of(messages.get("pop.create.phone_required"));
        }
        for (String p : raw.split("[,;，；\\s]+")) {
            if (!p.replaceAll("[\\-()]", "").matches("[0-9]{3,32}")) {
                return Optional.of(messages.get("pop.create.phone_invalid", p));
            }
        }
        return Optional.empty();
    }

    private static List<String> parsePhones(String raw) {
        List<String> out = new ArrayList<>();
        for (String p : raw.trim().split("[,;，；\\s]+")) {
            String d = p.replaceAll("[\\-()]", "");
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** Loads a longer timeline of the shown customer. */
    public void moreContacts() {
        Customer c = selected.get();
        if (c == null || !moreContacts.get()) {
            return;
        }
        int limit = Math.min(MAX_CONTACTS, Math.max(contactLimit, contacts.size()) + MORE_STEP);
        int gen = generation;
        tracked(gateway.listContacts(c.getAccountNo(), limit)).whenComplete((list, e) -> {
            if (gen != generation) {
                return;
            }
            if (e != null) {
                error.set(errors.of(e));
            } else {
                setContacts(list, limit);
            }
        });
    }

    /** Blacklists the current call's caller for {@code days} (0: until removed); the view confirms first. */
    public boolean blacklistCaller(String reason, int days) {
        PopCall current = call.get();
        if (current == null || !current.live()) {
            error.set(messages.get("pop.blacklist.no_call"));
            return false;
        }
        if (reason == null || reason.isBlank()) {
            error.set(messages.get("pop.blacklist.reason_required"));
            return false;
        }
        if (days < 0 || days > MAX_BLACKLIST_DAYS) {
            error.set(messages.get("pop.blacklist.days_invalid", days, MAX_BLACKLIST_DAYS));
            return false;
        }
        error.set("");
        gateway.blacklistCaller(current.callId(), reason.trim(), days).whenComplete((entry, e) -> {
            if (e != null) {
                error.set(errors.of(e));
            } else {
                message.set(days == 0 ? messages.get("pop.blacklist.done_forever", entry.getPhone())
                        : messages.get("pop.blacklist.done", entry.getPhone(), days));
            }
        });
        return true;
    }

    /** Click-to-dial on any number the pop shows. */
    public void dial(String number) {
        if (number != null && !number.isBlank()) {
            dialer.accept(number.trim());
        }
    }

    // --- formatting ---

    private void clearCustomer() {
        selected.set(null);
        candidates.clear();
        workOrders.clear();
        contacts.clear();
        phones.clear();
        moreContacts.set(false);
        for (StringProperty p : List.of(account, name, address, type, balance, arrears, meter, lastReading, serviceStatus)) {
            p.set("");
        }
        inArrears.set(false);
        serviceImpaired.set(false);
    }

    private void setCustomer(Customer c) {
        candidates.clear();
        selected.set(c);
        account.set(c.getAccountNo());
        name.set(c.getName());
        address.set(c.getDistrict().isEmpty() || c.getAddress().contains(c.getDistrict()) ? c.getAddress()
                : c.getDistrict() + " · " + c.getAddress());
        type.set(label("pop.type.", c.getType().name(), "CUSTOMER_TYPE_"));
        balance.set(c.getBalance());
        arrears.set(c.getArrears());
        inArrears.set(positive(c.getArrears()));
        meter.set(c.getMeterId());
        lastReading.set(c.getLastReading().isEmpty() ? ""
                : c.hasLastReadingAt() ? messages.get("pop.reading_at", c.getLastReading(), dateFormat.format(instant(c.getLastReadingAt())))
                : c.getLastReading());
        serviceStatus.set(label("pop.status.", c.getStatus().name(), "SERVICE_STATUS_"));
        serviceImpaired.set(c.getStatus() == org.hotline.api.v1.ServiceStatus.SERVICE_STATUS_SUSPENDED
                || c.getStatus() == org.hotline.api.v1.ServiceStatus.SERVICE_STATUS_CLOSED);
        phones.setAll(c.getPhonesList());
    }

    private void setContacts(List<Contact> list, int limit) {
        contactLimit = limit;
        contacts.setAll(list.stream()
                .sorted(Comparator.comparing((Contact x) -> instant(x.getOccurredAt())).reversed())
                .map(this::row).toList());
        moreContacts.set(list.size() >= limit && limit < MAX_CONTACTS);
    }

    private static boolean positive(String amount) {
        try {
            return !amount.isBlank() && new BigDecimal(amount.trim()).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String label(String prefix, String enumName, String enumPrefix) {
        String key = prefix + enumName.replaceFirst("^" + enumPrefix, "").toLowerCase(Locale.ROOT);
        return messages.bundle().containsKey(key) ? messages.get(key) : "";
    }

    private String labelOr(String prefix, String value) {
        String key = prefix + value.toLowerCase(Locale.ROOT);
        return messages.bundle().containsKey(key) ? messages.get(key) : value;
    }

    private WorkOrderRow row(WorkOrderSummary w) {
        return new WorkOrderRow(w.getNumber(), w.getType(), labelOr("pop.wo_status.", w.getStatus()),
                labelOr("pop.wo_priority.", w.getPriority()), w.hasCreatedAt() ? timeFormat.format(instant(w.getCreatedAt())) : "",
                w.hasDueAt() ? timeFormat.format(instant(w.getDueAt())) : "", w.getTitle());
    }

    private ContactRow row(Contact c) {
        return new ContactRow(c.hasOccurredAt() ? timeFormat.format(instant(c.getOccurredAt())) : "",
                label("pop.kind.", c.getKind().name(), "CONTACT_KIND_"), c.getAgentId(), c.getPhone(), c.getWorkOrderNo(),
                c.getSummary());
    }

    private String describe(PopCall c) {
        if (c == null) {
            return messages.get("pop.no_call");
        }
        return messages.get(c.live() ? "pop.call_live" : "pop.call_ended", c.callerNumber().isEmpty()
                ? messages.get("pop.withheld") : c.callerNumber());
    }

    private String selectedAccount() {
        Customer c = selected.get();
        return c == null ? "" : c.getAccountNo();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    // --- properties ---

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** The call the pop is about (null before the first call); the work-order panel pre-fills from it. */
    public ReadOnlyObjectProperty<PopCall> currentCallProperty() {
        return call;
    }

    /** The customer on the card (null when none is chosen yet); the work-order panel pre-fills from it. */
    public ReadOnlyObjectProperty<Customer> selectedCustomerProperty() {
        return selected;
    }

    public ObservableList<Customer> candidates() {
        return candidatesView;
    }

    public ObservableList<WorkOrderRow> openWorkOrders() {
        return workOrdersView;
    }

    /** The timeline of the customer on the card, newest first. */
    public ObservableList<ContactRow> contacts() {
        return contactsView;
    }

    public ObservableList<String> phones() {
        return phonesView;
    }

    public ReadOnlyBooleanProperty moreContactsProperty() {
        return moreContacts;
    }

    public ReadOnlyStringProperty callTextProperty() {
        return callText;
    }

    public ReadOnlyStringProperty accountProperty() {
        return account;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty typeProperty() {
        return type;
    }

    public ReadOnlyStringProperty balanceProperty() {
        return balance;
    }

    public ReadOnlyStringProperty arrearsProperty() {
        return arrears;
    }

    public ReadOnlyBooleanProperty inArrearsProperty() {
        return inArrears;
    }

    public ReadOnlyStringProperty meterProperty() {
        return meter;
    }

    public ReadOnlyStringProperty lastReadingProperty() {
        return lastReading;
    }

    public ReadOnlyStringProperty serviceStatusProperty() {
        return serviceStatus;
    }

    public ReadOnlyBooleanProperty serviceImpairedProperty() {
        return serviceImpaired;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObservableBooleanValue canBlacklist() {
        return canBlacklist;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<SearchKind> searchKindProperty() {
        return searchKind;
    }

    public StringProperty newNameProperty() {
        return newName;
    }

    public StringProperty newPhonesProperty() {
        return newPhones;
    }

    public StringProperty newAddressProperty() {
        return newAddress;
    }

    public StringProperty newDistrictProperty() {
        return newDistrict;
    }

    public ObjectProperty<CustomerType> newTypeProperty() {
        return newType;
    }

    public ReadOnlyStringProperty createErrorProperty() {
        return createError;
    }

    public String typeLabel(CustomerType t) {
        return label("pop.type.", t.name(), "CUSTOMER_TYPE_");
    }
}
