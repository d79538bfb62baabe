package org.hotline.agent.pop;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.pop.ScreenPopViewModel.Mode;
import org.hotline.api.v1.AttachedData;
import org.hotline.api.v1.Call;
import org.hotline.api.v1.CallUpdate;
import org.hotline.api.v1.Contact;
import org.hotline.api.v1.ContactKind;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.CustomerType;
import org.hotline.api.v1.DeskEvent;
import org.hotline.api.v1.DeskSnapshot;
import org.hotline.api.v1.PoppedCustomer;
import org.hotline.api.v1.ScreenPop;
import org.hotline.api.v1.ServiceStatus;
import org.hotline.api.v1.WorkOrderSummary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenPopViewModelTest {
    static final String KNOWN = "13900000001";
    static final String SHARED = "13900000050";
    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    final FakeCustomers server = new FakeCustomers();
    final List<String> dialled = new ArrayList<>();
    final ScreenPopViewModel vm = new ScreenPopViewModel(server, Messages.forLocale(Locale.ENGLISH),
            Clock.fixed(T0, ZoneOffset.UTC), dialled::add);

    static Customer customer(String account, String name, String... phones) {
        return Customer.newBuilder().setAccountNo(account).setName(name).addAllPhones(List.of(phones))
                .setAddress("中山路1號 2棟301室").setDistrict("東城區").setMeterId("M" + account)
                .setType(CustomerType.CUSTOMER_TYPE_COMMERCIAL).setBalance("88.00").setArrears("12.50")
                .setLastReading("1024.50").setLastReadingAt(ts(T0.minusSeconds(86400 * 3)))
                .setStatus(ServiceStatus.SERVICE_STATUS_SUSPENDED).build();
    }

    static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).build();
    }

    static Contact contact(String account, int day, String summary) {
        return Contact.newBuilder().setAccountNo(account).setKind(ContactKind.CONTACT_KIND_INBOUND_CALL)
                .setOccurredAt(ts(T0.plusSeconds(86400L * day))).setAgentId("2001").setPhone(KNOWN).setSummary(summary).build();
    }

    static WorkOrderSummary order(String number) {
        return WorkOrderSummary.newBuilder().setNumber(number).setType("repair").setStatus("NEW").setPriority("URGENT")
                .setCreatedAt(ts(T0)).setTitle("無氣").build();
    }

    static DeskEvent pop(String callId, String caller, PoppedCustomer... customers) {
        return DeskEvent.newBuilder().setPop(ScreenPop.newBuilder().setCallId(callId).setCallerNumber(caller)
                .addAllCustomers(List.of(customers))).build();
    }

    static DeskEvent call(CallUpdate.Kind kind, String callId, String caller, String customerId) {
        return DeskEvent.newBuilder().setCall(CallUpdate.newBuilder().setKind(kind).setCall(Call.newBuilder().setCallId(callId)
                .setData(AttachedData.newBuilder().setCallerNumber(caller).setCustomerId(customerId)))).build();
    }

    PoppedCustomer knownG1() {
        List<Contact> recent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            recent.add(contact("G1", i, "call " + i)); // oldest first on purpose: the panel sorts
        }
        return PoppedCustomer.newBuilder().setCustomer(customer("G1", "陳嘉欣", KNOWN, "02081234567"))
                .addOpenWorkOrders(order("WO-2026-0042")).addAllRecentContacts(recent).build();
    }

    @Test
    void aKnownCallerShowsTheCardTheOpenWorkOrdersAndTheTimelineNewestFirst() {
        vm.apply(call(CallUpdate.Kind.KIND_RINGING, "c1", KNOWN, ""));
        vm.apply(pop("c1", KNOWN, knownG1()));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
        assertThat(vm.currentCallProperty().get()).isEqualTo(new PopCall("c1", KNOWN, true));
        assertThat(vm.callTextProperty().get()).isEqualTo("Call from " + KNOWN);
        assertThat(vm.accountProperty().get()).isEqualTo("G1");
        assertThat(vm.nameProperty().get()).isEqualTo("陳嘉欣");
        assertThat(vm.addressProperty().get()).isEqualTo("東城區 · 中山路1號 2棟301室");
        assertThat(vm.typeProperty().get()).isEqualTo("Commercial");
        assertThat(vm.balanceProperty().get()).isEqualTo("88.00");
        assertThat(vm.arrearsProperty().get()).isEqualTo("12.50");
        assertThat(vm.inArrearsProperty().get()).isTrue();
        assertThat(vm.meterProperty().get()).isEqualTo("MG1");
        assertThat(vm.lastReadingProperty().get()).isEqualTo("1024.50 on 2026-10-29");
        assertThat(vm.serviceStatusProperty().get()).isEqualTo("Suspended");
        assertThat(vm.serviceImpairedProperty().get()).isTrue();
        assertThat(vm.phones()).containsExactly(KNOWN, "02081234567");
        assertThat(vm.openWorkOrders()).singleElement().satisfies(w -> {
            assertThat(w.number()).isEqualTo("WO-2026-0042");
            assertThat(w.status()).isEqualTo("New");
            assertThat(w.priority()).isEqualTo("Urgent");
            assertThat(w.created()).isEqualTo("2026-11-01 08:00");
        });
        assertThat(vm.contacts()).extracting(PopRows.ContactRow::summary).first().isEqualTo("call 9");
        assertThat(vm.contacts()).extracting(PopRows.ContactRow::summary).last().isEqualTo("call 0");
        assertThat(vm.contacts().get(0).kind()).isEqualTo("Inbound call");
        assertThat(vm.moreContactsProperty().get()).as("a full pop of 10 may have more behind it").isTrue();
        assertThat(server.attached).as("a single match needs no choice to attach").isEmpty();
    }

    @Test
    void moreLoadsALongerTimelineAndStopsWhenItIsAll() {
        List<Contact> all = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            all.add(contact("G1", i, "call " + i));
        }
        server.contacts.put("G1", all);
        vm.apply(pop("c1", KNOWN, knownG1()));

        vm.moreContacts();

        assertThat(server.contactQueries).containsExactly("G1/60");
        assertThat(vm.contacts()).hasSize(25);
        assertThat(vm.contacts().get(0).summary()).isEqualTo("call 24");
        assertThat(vm.moreContactsProperty().get()).isFalse();
    }

    @Test
    void anUnknownCallerGetsTheQuickCreateFormWithTheNumberAndTheNewCustomerIsAttachedToTheCall() {
        vm.apply(call(CallUpdate.Kind.KIND_RINGING, "c2", "13000000000", ""));
        vm.apply(pop("c2", "13000000000"));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CREATE);
        assertThat(vm.messageProperty().get()).isEqualTo("No customer has the number 13000000000: create one, or search.");
        assertThat(vm.newPhonesProperty().get()).isEqualTo("13000000000");
        assertThat(vm.selectedCustomerProperty().get()).isNull();

        vm.newNameProperty().set(" 王小明 ");
        vm.newPhonesProperty().set("13000000000, 0208-7654321");
        vm.newAddressProperty().set("西城區長安街5號");
        vm.create();

        assertThat(server.created).singleElement().satisfies(n -> {
            assertThat(n.name()).isEqualTo("王小明");
            assertThat(n.phones()).containsExactly("13000000000", "02087654321");
            assertThat(n.type()).isEqualTo(CustomerType.CUSTOMER_TYPE_RESIDENTIAL);
        });
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("Q00000001");
        assertThat(vm.messageProperty().get()).isEqualTo("Customer created with account Q00000001.");
        assertThat(server.attached).containsExactly("c2=Q00000001");
    }

    @Test
    void quickCreateSaysWhatIsMissingOrWrongAndSendsNothing() {
        vm.apply(pop("c2", "13000000000"));

        vm.create();
        assertThat(vm.createErrorProperty().get()).isEqualTo("Enter the customer's name.");

        vm.newNameProperty().set("王小明");
        vm.newPhonesProperty().set("  ");
        vm.create();
        assertThat(vm.createErrorProperty().get()).isEqualTo("Enter at least one phone number.");

        vm.newPhonesProperty().set("13000000000 12a4");
        vm.create();
        assertThat(vm.createErrorProperty().get()).isEqualTo("\"12a4\" is not a phone number (expected: 3 to 32 digits).");

        assertThat(server.created).isEmpty();
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CREATE);
    }

    @Test
    void aFailedCreateIsRetriedWithTheSameRequestIdUntilTheFormChanges() {
        vm.apply(pop("c2", "13000000000"));
        vm.newNameProperty().set("王小明");
        server.failCreateWith = Status.UNAVAILABLE.withDescription("io exception");

        vm.create();
        vm.create();
        vm.newNameProperty().set("王曉明");
        vm.create();

        assertThat(vm.createErrorProperty().get()).isEqualTo("The server cannot be reached right now. (io exception)");
        assertThat(server.created).hasSize(3);
        assertThat(server.created.get(1).requestId()).isEqualTo(server.created.get(0).requestId());
        assertThat(server.created.get(2).requestId()).isNotEqualTo(server.created.get(0).requestId());
    }

    @Test
    void aSharedNumberShowsAPickListAndTheChoiceIsAttachedToTheCall() {
        PoppedCustomer g50 = PoppedCustomer.newBuilder().setCustomer(customer("G50", "李志明", SHARED)).build();
        PoppedCustomer g51 = PoppedCustomer.newBuilder().setCustomer(customer("G51", "李美玲", SHARED))
                .addOpenWorkOrders(order("WO-51")).addRecentContacts(contact("G51", 1, "bill question")).build();
        vm.apply(call(CallUpdate.Kind.KIND_RINGING, "c3", SHARED, ""));
        vm.apply(pop("c3", SHARED, g50, g51));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.PICK);
        assertThat(vm.candidates()).extracting(Customer::getAccountNo).containsExactly("G50", "G51");
        assertThat(vm.messageProperty().get()).isEqualTo("2 customers share " + SHARED + ": choose the caller.");
        assertThat(vm.selectedCustomerProperty().get()).isNull();

        vm.choose(vm.candidates().get(1));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G51");
        assertThat(vm.openWorkOrders()).extracting(PopRows.WorkOrderRow::number).containsExactly("WO-51");
        assertThat(vm.contacts()).extracting(PopRows.ContactRow::summary).containsExactly("bill question");
        assertThat(server.attached).containsExactly("c3=G51");

        // The server echoes the attached data; the panel stays on the choice and does not attach again.
        vm.apply(call(CallUpdate.Kind.KIND_DATA, "c3", SHARED, "G51"));
        vm.choose(vm.selectedCustomerProperty().get());
        assertThat(server.attached).containsExactly("c3=G51");
    }

    @Test
    void aCallTransferredHereWithAChosenCustomerShowsThatCustomerNotThePickList() {
        PoppedCustomer g50 = PoppedCustomer.newBuilder().setCustomer(customer("G50", "李志明", SHARED)).build();
        PoppedCustomer g51 = PoppedCustomer.newBuilder().setCustomer(customer("G51", "李美玲", SHARED))
                .addOpenWorkOrders(order("WO-51")).build();
        // The previous call on this desk is over; its card is still shown.
        vm.apply(pop("c0", KNOWN, knownG1()));
        vm.apply(call(CallUpdate.Kind.KIND_ENDED, "c0", KNOWN, ""));

        vm.apply(call(CallUpdate.Kind.KIND_RINGING, "c3", SHARED, "G51"));
        assertThat(vm.selectedCustomerProperty().get()).as("the previous caller's card is cleared while the pop comes").isNull();
        assertThat(vm.messageProperty().get()).isEqualTo("Looking up " + SHARED + " ...");
        vm.apply(pop("c3", SHARED, g50, g51));

        assertThat(vm.currentCallProperty().get()).isEqualTo(new PopCall("c3", SHARED, true));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G51");
        assertThat(vm.openWorkOrders()).extracting(PopRows.WorkOrderRow::number).containsExactly("WO-51");
        assertThat(server.attached).as("the data came with the call").isEmpty();
    }

    @Test
    void aCustomerAttachedElsewhereDuringTheCallIsFollowedEvenWhenThePopDidNotCarryIt() {
        server.add(customer("G77", "趙六", "13700000077"));
        server.orders.put("G77", List.of(order("WO-77")));
        server.contacts.put("G77", List.of(contact("G77", 2, "moved in")));
        vm.apply(pop("c4", "13000000000"));
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CREATE);

        vm.apply(call(CallUpdate.Kind.KIND_CONFERENCED, "c4", "13000000000", "G77"));

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G77");
        assertThat(vm.openWorkOrders()).extracting(PopRows.WorkOrderRow::number).containsExactly("WO-77");
        assertThat(vm.contacts()).extracting(PopRows.ContactRow::summary).containsExactly("moved in");
    }

    @Test
    void whenTheCallEndsTheCardStaysButTheCallerCanNoLongerBeBlacklisted() {
        vm.apply(pop("c1", KNOWN, knownG1()));
        assertThat(vm.canBlacklist().get()).isTrue();

        vm.apply(call(CallUpdate.Kind.KIND_ENDED, "c1", KNOWN, ""));

        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.currentCallProperty().get()).isEqualTo(new PopCall("c1", KNOWN, false));
        assertThat(vm.callTextProperty().get()).isEqualTo("Call from " + KNOWN + " ended: the card stays until the next call");
        assertThat(vm.canBlacklist().get()).isFalse();
        assertThat(vm.blacklistCaller("abuse", 7)).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("There is no call whose caller could be blacklisted.");
        assertThat(server.blacklisted).isEmpty();
    }

    @Test
    void aCallThatEndedWhileTheLinkWasDownIsMarkedEndedByTheSnapshot() {
        vm.apply(pop("c1", KNOWN, knownG1()));

        vm.apply(DeskEvent.newBuilder().setSnapshot(DeskSnapshot.getDefaultInstance()).build());

        assertThat(vm.currentCallProperty().get().live()).isFalse();
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
    }

    @Test
    void searchFindsByAccountNameOrAddressAndPhoneWithoutACall() {
        server.add(customer("G1", "陳嘉欣", KNOWN));
        server.add(customer("G50", "李志明", SHARED));
        server.add(customer("G51", "李美玲", SHARED));
        server.orders.put("G1", List.of(order("WO-1")));
        server.contacts.put("G1", List.of(contact("G1", 1, "first"), contact("G1", 5, "latest")));

        vm.searchTextProperty().set(" g1 ");
        vm.search();
        assertThat(server.searches).containsExactly("account:G1");
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.CARD);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
        assertThat(vm.openWorkOrders()).extracting(PopRows.WorkOrderRow::number).containsExactly("WO-1");
        assertThat(vm.contacts()).extracting(PopRows.ContactRow::summary).containsExactly("latest", "first");
        assertThat(server.attached).as("no call to attach to").isEmpty();

        vm.searchTextProperty().set("李");
        vm.search();
        assertThat(vm.modeProperty().get()).isEqualTo(Mode.PICK);
        assertThat(vm.candidates()).extracting(Customer::getAccountNo).containsExactly("G50", "G51");
        assertThat(vm.messageProperty().get()).isEqualTo("2 customers found for \"李\": choose one.");

        vm.searchTextProperty().set("139-0000-0001");
        vm.search();
        assertThat(server.searches).last().isEqualTo("phone:" + KNOWN);
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");

        vm.searchTextProperty().set("G999");
        vm.search();
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing found for \"G999\".");
        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).as("the card shown stays").isEqualTo("G1");

        vm.searchTextProperty().set("");
        vm.search();
        assertThat(vm.errorProperty().get()).isEqualTo("Type an account number, a name, part of an address or a phone number.");
    }

    @Test
    void aSearchAnswerOvertakenByACallIsDroppedAndThePanelIsNotLeftBusy() {
        server.add(customer("G50", "李志明", SHARED));
        server.holdSearches = true;
        vm.searchTextProperty().set("李");
        vm.search();
        assertThat(vm.busyProperty().get()).isTrue();

        vm.apply(pop("c1", KNOWN, knownG1()));
        server.heldSearches.get(0).complete(List.of(server.byAccount.get("G50")));

        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).as("the call's customer, not the late answer").isEqualTo("G1");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aCustomerFoundBySearchDuringAnUnknownCallIsAttachedToIt() {
        server.add(customer("G1", "陳嘉欣", KNOWN));
        vm.apply(pop("c5", "13000000000"));

        vm.searchTextProperty().set("陳嘉欣");
        vm.search();

        assertThat(vm.selectedCustomerProperty().get().getAccountNo()).isEqualTo("G1");
        assertThat(server.attached).containsExactly("c5=G1");
    }

    @Test
    void theSearchKindCanBeForced() {
        server.add(customer("G1", "13900000001 Tower", KNOWN));
        vm.searchKindProperty().set(ScreenPopViewModel.SearchKind.TEXT);
        vm.searchTextProperty().set("13900000001");
        vm.search();
        assertThat(server.searches).containsExactly("text:13900000001");
        assertThat(ScreenPopViewModel.detect("0208 123-4567")).isEqualTo(ScreenPopViewModel.SearchKind.PHONE);
        assertThat(ScreenPopViewModel.detect("Q00000001")).isEqualTo(ScreenPopViewModel.SearchKind.ACCOUNT);
        assertThat(ScreenPopViewModel.detect("中山路")).isEqualTo(ScreenPopViewModel.SearchKind.TEXT);
    }

    @Test
    void blacklistingNeedsAReasonAndSensibleDaysThenBlocksTheCallersCall() {
        vm.apply(pop("c6", "13811112222"));

        assertThat(vm.blacklistCaller(" ", 7)).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Give a reason for the blacklist.");
        assertThat(vm.blacklistCaller("abuse", 4000)).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Days: 4000 (expected: 0 to 3650).");
        assertThat(server.blacklisted).isEmpty();

        assertThat(vm.blacklistCaller(" 騷擾電話 ", 7)).isTrue();

        assertThat(server.blacklisted).containsExactly("c6/騷擾電話/7");
        assertThat(vm.messageProperty().get()).isEqualTo("13811112222 is blacklisted for 7 days.");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aViewListeningToThePhonesStillHearsAfterAGarbageCollection() throws Exception {
        List<String> heard = new ArrayList<>();
        vm.phones().addListener((javafx.collections.ListChangeListener<String>) c -> heard.addAll(vm.phones()));
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }

        vm.apply(pop("c1", KNOWN, knownG1()));

        assertThat(vm.phones()).isSameAs(vm.phones());
        assertThat(vm.contacts()).isSameAs(vm.contacts());
        assertThat(heard).contains(KNOWN);
    }

    @Test
    void clickingAPhoneNumberDialsIt() {
        vm.dial(" 02081234567 ");
        vm.dial("");
        assertThat(dialled).containsExactly("02081234567");
    }
}
