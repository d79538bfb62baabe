package org.hotline.agent.connection;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.grpc.Status;
import org.hotline.agent.pop.CustomerGateway;
import org.hotline.api.v1.AttachDataRequest;
import org.hotline.api.v1.BlacklistCallerRequest;
import org.hotline.api.v1.BlacklistEntry;
import org.hotline.api.v1.Contact;
import org.hotline.api.v1.CreateCustomerRequest;
import org.hotline.api.v1.Customer;
import org.hotline.api.v1.GetByAccountRequest;
import org.hotline.api.v1.ListContactsRequest;
import org.hotline.api.v1.LookupByPhoneRequest;
import org.hotline.api.v1.SearchCustomersRequest;
import org.hotline.api.v1.SearchWorkOrdersRequest;
import org.hotline.api.v1.WorkOrder;
import org.hotline.api.v1.WorkOrderQuery;
import org.hotline.api.v1.WorkOrderStatus;
import org.hotline.api.v1.WorkOrderSummary;

/** The screen pop over the Customers, ContactHistory, WorkOrders, Blacklist and AgentDesk services. */
public final class GrpcCustomers implements CustomerGateway {
    private static final int OPEN_ORDERS_SHOWN = 10;
    private final DeskSession session;

    public GrpcCustomers(DeskSession session) {
        this.session = session;
    }

    @Override
    public CompletableFuture<List<Customer>> lookupByPhone(String phone) {
        LookupByPhoneRequest r = LookupByPhoneRequest.newBuilder().setPhone(phone).build();
        return session.rpc().call(() -> session.customers().lookupByPhone(r)).thenApply(x -> x.getCustomersList());
    }

    @Override
    public CompletableFuture<Optional<Customer>> getByAccount(String accountNo) {
        GetByAccountRequest r = GetByAccountRequest.newBuilder().setAccountNo(accountNo).build();
        return session.rpc().call(() -> session.customers().getByAccount(r))
                .handle((x, e) -> {
                    if (e == null) {
                        return x.hasCustomer() ? Optional.of(x.getCustomer()) : Optional.<Customer>empty();
                    }
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    // An unknown account is an expected answer, not a failure.
                    if (Status.fromThrowable(cause).getCode() == Status.Code.NOT_FOUND) {
                        return Optional.<Customer>empty();
                    }
                    throw e instanceof CompletionException ce ? ce : new CompletionException(e);
                });
    }

    @Override
    public CompletableFuture<List<Customer>> search(String fragment, int limit) {
        SearchCustomersRequest r = SearchCustomersRequest.newBuilder().setFragment(fragment).setLimit(limit).build();
        return session.rpc().call(() -> session.customers().search(r)).thenApply(x -> x.getCustomersList());
    }

    @Override
    public CompletableFuture<Customer> createCustomer(NewCustomer c) {
        CreateCustomerRequest r = CreateCustomerRequest.newBuilder().setRequestId(c.requestId()).setName(c.name())
                .addAllPhones(c.phones()).setAddress(c.address()).setDistrict(c.district()).setType(c.type()).build();
        return session.rpc().call(() -> session.customers().createCustomer(r)).thenApply(x -> x.getCustomer());
    }

    @Override
    public CompletableFuture<List<Contact>> listContacts(String accountNo, int limit) {
        ListContactsRequest r = ListContactsRequest.newBuilder().setAccountNo(accountNo).setLimit(limit).build();
        return session.rpc().call(() -> session.contacts().listContacts(r)).thenApply(x -> x.getContactsList());
    }

    @Override
    public CompletableFuture<List<WorkOrderSummary>> openWorkOrders(String accountNo) {
        WorkOrderQuery.Builder q = WorkOrderQuery.newBuilder().setCustomerId(accountNo).setLimit(OPEN_ORDERS_SHOWN);
        for (WorkOrderStatus s : WorkOrderStatus.values()) {
            if (s != WorkOrderStatus.WORK_ORDER_STATUS_UNSPECIFIED && s != WorkOrderStatus.WORK_ORDER_CLOSED
                    && s != WorkOrderStatus.UNRECOGNIZED) {
                q.addStatuses(s);
            }
        }
        SearchWorkOrdersRequest r = SearchWorkOrdersRequest.newBuilder().setQuery(q).build();
        return session.rpc().call(() -> session.workOrders().search(r))
                .thenApply(x -> x.getOrdersList().stream().filter(o -> !o.getConfidential()).map(GrpcCustomers::summary).toList());
    }

    /** The same summary the server puts in a pop: statuses and priorities by their plain names. */
    private static WorkOrderSummary summary(WorkOrder o) {
        WorkOrderSummary.Builder b = WorkOrderSummary.newBuilder().setNumber(o.getOrderNo()).setType(o.getTypeCode())
                .setStatus(o.getStatus().name().replaceFirst("^WORK_ORDER_", ""))
                .setPriority(o.getPriority().name().replaceFirst("^WORK_ORDER_", "")).setTitle(o.getTitle());
        if (o.hasCreatedAt()) {
            b.setCreatedAt(o.getCreatedAt());
        }
        if (o.hasResolveBy()) {
            b.setDueAt(o.getResolveBy());
        }
        return b.build();
    }

    @Override
    public CompletableFuture<Void> attachCustomer(String callId, String accountNo) {
        AttachDataRequest r = AttachDataRequest.newBuilder().setRequestId(RequestIds.next()).setCallId(callId)
                .setCustomerId(accountNo).build();
        return session.rpc().call(() -> session.desk().attachData(r)).thenApply(x -> null);
    }

    @Override
    public CompletableFuture<BlacklistEntry> blacklistCaller(String callId, String reason, int days) {
        BlacklistCallerRequest r = BlacklistCallerRequest.newBuilder().setCallId(callId).setReason(reason).setDays(days).build();
        return session.rpc().call(() -> session.blacklist().blacklistCaller(r)).thenApply(x -> x.getEntry());
    }
}
