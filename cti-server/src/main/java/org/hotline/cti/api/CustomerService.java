package org.hotline.cti.api;

import java.util.concurrent.CompletableFuture;

import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.CreateCustomerRequest;
import org.hotline.api.v1.CreateCustomerResponse;
import org.hotline.api.v1.CustomersGrpc;
import org.hotline.api.v1.GetByAccountRequest;
import org.hotline.api.v1.GetByAccountResponse;
import org.hotline.api.v1.LookupByPhoneRequest;
import org.hotline.api.v1.LookupByPhoneResponse;
import org.hotline.api.v1.SearchCustomersRequest;
import org.hotline.api.v1.SearchCustomersResponse;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.customers.CustomerFeature;
import org.hotline.cti.customers.NewCustomer;
import org.hotline.cti.security.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Customer lookups for desks. Thin: proto in, directory query on the workers, proto out. */
final class CustomerService extends CustomersGrpc.CustomersImplBase {
    static final int MAX_RESULTS = 200;

    private static final Logger log = LoggerFactory.getLogger(CustomerService.class);

    private final CustomerFeature customers;
    private final RequestIds requestIds;

    CustomerService(CustomerFeature customers, RequestIds requestIds) {
        this.customers = customers;
        this.requestIds = requestIds;
    }

    /** Customer data is for the people who serve customers. */
    static void requireDesk() {
        Session s = AuthInterceptor.session();
        if (!s.role().canWorkCalls()) {
            throw Errors.permission("role " + s.role() + " may not read customer data (expected: agent, team lead or admin)");
        }
    }

    /** The customer of an account, or NOT_FOUND naming it. Blocks: on the workers. */
    static Customer byAccount(CustomerFeature customers, String account) {
        String a = account.strip();
        return customers.directory().byAccount(a).orElseThrow(() -> new CommandException(
                CommandException.Code.NOT_FOUND, "account: '" + a + "' (no such customer)"));
    }

    static int limit(int asked, int max) {
        if (asked < 0 || asked > max) {
            throw Errors.invalid("limit: " + asked + " (expected: 0 for the default, or 1.." + max + ")");
        }
        return asked == 0 ? 50 : asked;
    }

    @Override
    public void lookupByPhone(LookupByPhoneRequest req, StreamObserver<LookupByPhoneResponse> out) {
        String phone = req.getPhone().strip();
        Unary.answer(out, () -> {
            requireDesk();
            if (phone.isEmpty()) {
                throw Errors.invalid("phone: '' (expected: a phone number)");
            }
        }, customers.workers(), () -> {
            LookupByPhoneResponse.Builder b = LookupByPhoneResponse.newBuilder();
            customers.directory().byPhone(phone, MAX_RESULTS).forEach(c -> b.addCustomers(CustomerMapper.customer(c)));
            return b.build();
        });
    }

    @Override
    public void getByAccount(GetByAccountRequest req, StreamObserver<GetByAccountResponse> out) {
        String account = req.getAccountNo().strip();
        Unary.answer(out, CustomerService::requireDesk, customers.workers(), () -> GetByAccountResponse.newBuilder()
                .setCustomer(CustomerMapper.customer(byAccount(customers, account))).build());
    }

    @Override
    public void createCustomer(CreateCustomerRequest req, StreamObserver<CreateCustomerResponse> out) {
        try {
            Session s = AuthInterceptor.session();
            if (!s.role().canWorkCalls()) {
                throw Errors.permission("role " + s.role() + " may not create customers (expected: agent, team lead or admin)");
            }
            String user = s.agentId();
            NewCustomer n = new NewCustomer(req.getName(), req.getPhonesList(), req.getAddress(), req.getDistrict(),
                    CustomerMapper.type(req.getTypeValue()));
            // The request id maps to the account number; a retry reads that customer again.
            Unary.reply(out, requestIds.once(user, req.getRequestId(), () -> CompletableFuture.supplyAsync(() -> {
                Customer c = customers.directory().create(n);
                log.info("customer {} created by {} ({} phone(s))", c.accountNo(), user, c.phones().size());
                return c.accountNo();
            }, customers.workers())).thenApplyAsync(account -> CreateCustomerResponse.newBuilder()
                    .setRequestId(req.getRequestId())
                    .setCustomer(CustomerMapper.customer(byAccount(customers, account))).build(), customers.workers()));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    @Override
    public void search(SearchCustomersRequest req, StreamObserver<SearchCustomersResponse> out) {
        int[] limit = new int[1];
        Unary.answer(out, () -> {
            requireDesk();
            limit[0] = limit(req.getLimit(), MAX_RESULTS);
        }, customers.workers(), () -> {
            SearchCustomersResponse.Builder b = SearchCustomersResponse.newBuilder();
            customers.directory().search(req.getFragment(), limit[0]).forEach(c -> b.addCustomers(CustomerMapper.customer(c)));
            return b.build();
        });
    }
}
