package org.hotline.cti.customers;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.hotline.api.v1.CreateCustomerRequest;
import org.hotline.api.v1.CreateCustomerResponse;
import org.hotline.api.v1.CustomerType;
import org.hotline.api.v1.CustomersGrpc;
import org.hotline.api.v1.GetByAccountRequest;
import org.hotline.api.v1.LoginRequest;
import org.hotline.api.v1.LookupByPhoneRequest;
import org.hotline.api.v1.ServiceStatus;
import org.hotline.api.v1.SessionGrpc;
import org.hotline.cti.agents.AgentProfile;
import org.hotline.cti.bench.BearerToken;
import org.hotline.cti.security.PasswordHasher;
import org.hotline.cti.security.Role;
import org.hotline.cti.server.HotlineServer;
import org.hotline.cti.storage.Database;
import org.hotline.cti.storage.DirectoryAdmin;
import org.hotline.cti.storage.JdbcCustomers;
import org.hotline.cti.testing.DeskClient;
import org.hotline.cti.testing.TestDatabase;
import org.hotline.cti.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Over real gRPC with TLS, against H2 and MariaDB: quick-create of a customer from the desk,
 * found by phone at once, account numbers unique per site (imported numbers skipped), retries
 * acting once, and clear refusals of bad input and of roles without a desk.
 */
class CustomerCreationEndToEndTest {
    /** An imported customer already holds the number the sequence would hand out first. */
    static final String IMPORTED = "Q00000001";

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private Path dir;
        private TestDatabase db;
        private HotlineServer server;
        private ManagedChannel channel;
        private DeskClient anna;
        private DeskClient ben;
        private String wallboardToken;

        abstract TestDatabase.Kind kind();

        @BeforeAll
        void start() throws Exception {
            dir = Files.createTempDirectory("hotline-create-customer-test");
            db = TestDatabase.create(kind(), dir);
            TestServers.seed(db.config());
            try (Database d = Database.open(db.config())) {
                new JdbcCustomers(d.dataSource(), "main", Clock.systemUTC()).insertAll(List.of(new Customer(0, IMPORTED,
                        "Imported", List.of("13500000000"), "", "", "", "", Customer.Type.RESIDENTIAL, BigDecimal.ONE,
                        BigDecimal.ZERO, BigDecimal.ZERO, null, Customer.Status.ACTIVE)));
                new DirectoryAdmin(d.sessionFactory(), "main", new PasswordHasher(4), Clock.systemUTC())
                        .saveAgents(List.of(new DirectoryAdmin.Account(new AgentProfile("wb", "Wallboard", Role.WALLBOARD,
                                "", "", Map.of(), "main"), TestServers.PASSWORD)));
            }
            server = HotlineServer.start(TestServers.options(dir, db.config(), 0));
            channel = TestServers.channel(server);
            anna = DeskClient.login(channel, "2001", TestServers.PASSWORD);
            ben = DeskClient.login(channel, "2002", TestServers.PASSWORD);
            wallboardToken = SessionGrpc.newBlockingStub(channel).login(LoginRequest.newBuilder().setAgentId("wb")
                    .setPassword(TestServers.PASSWORD).setClientName("test").build()).getSessionToken();
        }

        @AfterAll
        void stop() throws Exception {
            if (channel != null) {
                channel.shutdownNow();
            }
            if (server != null) {
                server.close();
            }
            if (db != null) {
                db.close();
            }
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }

        private CustomersGrpc.CustomersBlockingStub customers(String token) {
            return CustomersGrpc.newBlockingStub(channel).withCallCredentials(new BearerToken(token));
        }

        private static CreateCustomerRequest.Builder request(String requestId, String name, String... phones) {
            return CreateCustomerRequest.newBuilder().setRequestId(requestId).setName(name).addAllPhones(List.of(phones));
        }

        private void assertInvalid(CreateCustomerRequest r, String message) {
            assertThatThrownBy(() -> customers(anna.token).createCustomer(r))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                        assertThat(e.getStatus().getDescription()).isEqualTo(message);
                    });
        }

        @Test
        void aCreatedCustomerGetsANewAccountAndLookupByPhoneFindsItAtOnce() {
            CreateCustomerResponse created = customers(anna.token).createCustomer(request("c-1", " 周小紅 ",
                    "13811110001", "02087654321").setAddress("西城區解放路8號").setDistrict("西城區")
                    .setType(CustomerType.CUSTOMER_TYPE_COMMERCIAL).build());

            var c = created.getCustomer();
            assertThat(created.getRequestId()).isEqualTo("c-1");
            assertThat(c.getAccountNo()).matches("Q\\d{8}").isNotEqualTo(IMPORTED);
            assertThat(c.getName()).isEqualTo("周小紅");
            assertThat(c.getPhonesList()).containsExactly("13811110001", "02087654321");
            assertThat(c.getAddress()).isEqualTo("西城區解放路8號");
            assertThat(c.getDistrict()).isEqualTo("西城區");
            assertThat(c.getType()).isEqualTo(CustomerType.CUSTOMER_TYPE_COMMERCIAL);
            assertThat(c.getStatus()).isEqualTo(ServiceStatus.SERVICE_STATUS_ACTIVE);
            assertThat(c.getBalance()).isEqualTo("0.00");
            assertThat(customers(ben.token).lookupByPhone(LookupByPhoneRequest.newBuilder().setPhone("02087654321").build())
                    .getCustomersList()).containsExactly(c);
            assertThat(customers(ben.token).getByAccount(GetByAccountRequest.newBuilder().setAccountNo(c.getAccountNo())
                    .build()).getCustomer()).isEqualTo(c);
        }

        @Test
        void accountNumbersStayUniqueWhenDesksCreateAtOnce() throws Exception {
            var annaAsync = CustomersGrpc.newFutureStub(channel).withCallCredentials(new BearerToken(anna.token));
            var benAsync = CustomersGrpc.newFutureStub(channel).withCallCredentials(new BearerToken(ben.token));
            List<ListenableFuture<CreateCustomerResponse>> futures = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var stub = i % 2 == 0 ? annaAsync : benAsync;
                futures.add(stub.createCustomer(request("many-" + i, "Customer " + i, "1370000" + (1000 + i)).build()));
            }
            Set<String> accounts = new HashSet<>();
            for (var f : futures) {
                accounts.add(f.get(30, TimeUnit.SECONDS).getCustomer().getAccountNo());
            }

            assertThat(accounts).hasSize(10).doesNotContain(IMPORTED).allMatch(a -> a.matches("Q\\d{8}"));
        }

        @Test
        void aRetryWithTheSameRequestIdCreatesOnce() {
            CreateCustomerRequest r = request("retry-1", "Retry Customer", "13922220000").build();

            String first = customers(anna.token).createCustomer(r).getCustomer().getAccountNo();
            String again = customers(anna.token).createCustomer(r).getCustomer().getAccountNo();

            assertThat(again).isEqualTo(first);
            assertThat(customers(anna.token).lookupByPhone(LookupByPhoneRequest.newBuilder().setPhone("13922220000")
                    .build()).getCustomersList()).extracting(c -> c.getAccountNo()).containsExactly(first);
        }

        @Test
        void badInputIsRefusedSayingWhatIsExpected() {
            assertInvalid(request("bad-1", "  ", "13900000000").build(), "name: '' (expected: the customer's name)");
            assertInvalid(request("bad-2", "No Phone").build(), "phones: none (expected: at least one phone number)");
            assertInvalid(request("bad-3", "Dashes", "139-0000-0000").build(),
                    "phone: '139-0000-0000' (expected: 3 to 32 digits, no spaces or signs)");
            assertInvalid(request("bad-4", "Twice", "13900000000", "13900000000").build(),
                    "phone: '13900000000' given twice (expected: each number once)");
            assertInvalid(request("", "No Request Id", "13900000000").build(),
                    "request_id: empty (expected: a client-chosen id, reused only for retries)");
            assertInvalid(request("bad-5", "Odd Type", "13900000000").setTypeValue(42).build(),
                    "type: 42 (expected: RESIDENTIAL, COMMERCIAL, LARGE_ACCOUNT or VIP)");
        }

        @Test
        void onlyDesksCreateCustomers() {
            assertThatThrownBy(() -> customers(wallboardToken).createCustomer(request("wb-1", "X", "13900000000").build()))
                    .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
                        assertThat(e.getStatus().getDescription())
                                .isEqualTo("role WALLBOARD may not create customers (expected: agent, team lead or admin)");
                    });
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}
