package org.hotline.cti.api;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AddContactRequest;
import org.hotline.api.v1.AddContactResponse;
import org.hotline.api.v1.ContactHistoryGrpc;
import org.hotline.api.v1.ListContactsRequest;
import org.hotline.api.v1.ListContactsResponse;
import org.hotline.cti.customers.Contact;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.customers.CustomerFeature;
import org.hotline.cti.security.Session;

/** A customer's timeline for desks; notes added by agents are idempotent by request id. */
final class ContactHistoryService extends ContactHistoryGrpc.ContactHistoryImplBase {
    static final int MAX_CONTACTS = 500;

    private final CustomerFeature customers;
    private final RequestIds requestIds;

    ContactHistoryService(CustomerFeature customers, RequestIds requestIds) {
        this.customers = customers;
        this.requestIds = requestIds;
    }

    @Override
    public void listContacts(ListContactsRequest req, StreamObserver<ListContactsResponse> out) {
        int[] limit = new int[1];
        Unary.answer(out, () -> {
            CustomerService.requireDesk();
            limit[0] = CustomerService.limit(req.getLimit(), MAX_CONTACTS);
        }, customers.workers(), () -> {
            ListContactsResponse.Builder b = ListContactsResponse.newBuilder();
            customers.history().latest(CustomerService.byAccount(customers, req.getAccountNo()), limit[0])
                    .forEach(c -> b.addContacts(CustomerMapper.contact(c)));
            return b.build();
        });
    }

    @Override
    public void addContact(AddContactRequest req, StreamObserver<AddContactResponse> out) {
        try {
            CustomerService.requireDesk();
            Session s = AuthInterceptor.session();
            Contact.Kind kind = CustomerMapper.kind(req.getKind());
            if (kind == null) {
                throw Errors.invalid("kind: " + req.getKind() + " (expected: one of " + List.of(Contact.Kind.values()) + ")");
            }
            if (req.getRequestId().isEmpty()) {
                throw Errors.invalid("request_id: '' (expected: a client-chosen id, the same on retries)");
            }
            Unary.reply(out, requestIds.once(s.agentId(), req.getRequestId(), () -> CompletableFuture.supplyAsync(() -> {
                Customer c = CustomerService.byAccount(customers, req.getAccountNo());
                customers.history().append(List.of(new Contact(0, c.accountNo(), kind, customers.clock().instant(),
                        s.agentId(), "", req.getCallId(), "", "", req.getWorkOrderNo(), req.getSummary())));
                return "";
            }, customers.workers())).thenApply(v -> AddContactResponse.newBuilder().setRequestId(req.getRequestId()).build()));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }
}
