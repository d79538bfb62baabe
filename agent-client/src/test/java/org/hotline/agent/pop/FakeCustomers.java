package org.hotline.agent.pop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Contact;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.WorkOrderSummary;

/** A customer server in memory: answers at once, remembers what the view model asked. */
final class FakeCustomers implements CustomerGateway {
    final Map<String, Customer> byAccount = new HashMap<>();
    final Map<String, List<Contact>> contacts = new HashMap<>();
    final Map<String, List<WorkOrderSummary>> orders = new HashMap<>();
    final List<String> attached = new ArrayList<>();
    final List<NewCustomer> created = new ArrayList<>();
    final List<String> blacklisted = new ArrayList<>();
    final List<String> contactQueries = new ArrayList<>();
    final List<String> searches = new ArrayList<>();
    Status failCreateWith;
    /** When set, text searches wait here until the test completes them (answers that arrive late). */
    boolean holdSearches;
    final List<CompletableFuture<List<Customer>>> heldSearches = new ArrayList<>();
    int nextAccount = 1;

    void add(Customer c) {
        byAccount.put(c.getAccountNo(), c);
    }

    @Override
    public CompletableFuture<List<Customer>> lookupByPhone(String phone) {
        searches.add("phone:" + phone);
        return CompletableFuture.completedFuture(byAccount.values().stream().filter(c -> c.getPhonesList().contains(phone))
                .sorted(java.util.Comparator.comparing(Customer::getAccountNo)).toList());
    }

    @Override
    public CompletableFuture<Optional<Customer>> getByAccount(String accountNo) {
        searches.add("account:" + accountNo);
        return CompletableFuture.completedFuture(Optional.ofNullable(byAccount.get(accountNo)));
    }

    @Override
    public CompletableFuture<List<Customer>> search(String fragment, int limit) {
        searches.add("text:" + fragment);
        if (holdSearches) {
            CompletableFuture<List<Customer>> f = new CompletableFuture<>();
            heldSearches.add(f);
            return f;
        }
        return CompletableFuture.completedFuture(byAccount.values().stream()
                .filter(c -> c.getName().contains(fragment) || c.getAddress().contains(fragment))
                .sorted(java.util.Comparator.comparing(Customer::getAccountNo)).limit(limit).toList());
    }

    @Override
    public CompletableFuture<Customer> createCustomer(NewCustomer n) {
        created.add(n);
        if (failCreateWith != null) {
            return CompletableFuture.failedFuture(failCreateWith.asRuntimeException());
        }
        Customer c = Customer.newBuilder().setAccountNo(String.format("Q%08d", nextAccount++)).setName(n.name())
                .addAllPhones(n.phones()).setAddress(n.address()).setDistrict(n.district()).setType(n.type()).build();
        add(c);
        return CompletableFuture.completedFuture(c);
    }

    @Override
    public CompletableFuture<List<Contact>> listContacts(String accountNo, int limit) {
        contactQueries.add(accountNo + "/" + limit);
        List<Contact> all = contacts.getOrDefault(accountNo, List.of());
        return CompletableFuture.completedFuture(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public CompletableFuture<List<WorkOrderSummary>> openWorkOrders(String accountNo) {
        return CompletableFuture.completedFuture(orders.getOrDefault(accountNo, List.of()));
    }

    @Override
    public CompletableFuture<Void> attachCustomer(String callId, String accountNo) {
        attached.add(callId + "=" + accountNo);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<BlacklistEntry> blacklistCaller(String callId, String reason, int days) {
        blacklisted.add(callId + "/" + reason + "/" + days);
        return CompletableFuture.completedFuture(BlacklistEntry.newBuilder().setPhone("13811112222").setReason(reason)
                .setActive(true).build());
    }
}
