package org.hotline.cti.storage;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.hotline.cti.customers.BillingGateway;
import org.hotline.cti.customers.BlacklistEntry;
import org.hotline.cti.customers.Contact;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.customers.GeneratedCustomers;
import org.hotline.cti.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Customers, contact history, blacklist and the billing gateway on our own tables, on H2 and MariaDB. */
class CustomerStorageTest {
    static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    abstract static class Contract extends DatabaseFixture {
        private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        private final GeneratedCustomers generated = new GeneratedCustomers("G", T0);
        private JdbcCustomers customers;
        private JdbcContactHistory history;
        private JdbcBlacklist blacklist;

        @BeforeEach
        void stores() throws Exception {
            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
                for (String t : List.of("contact_history", "customer_phones", "customers", "blacklist", "planned_outages")) {
                    s.executeUpdate("DELETE FROM " + t);
                }
            }
            customers = new JdbcCustomers(database.dataSource(), SITE, clock);
            history = new JdbcContactHistory(database.dataSource(), SITE);
            blacklist = new JdbcBlacklist(database.dataSource(), SITE);
            CustomerDemoData.load(customers, generated, 0, 120);
        }

        private static Customer customer(String account, String name, String address, String... phones) {
            return new Customer(0, account, name, List.of(phones), address, "東城區", "東城-01", "M1",
                    Customer.Type.VIP, new BigDecimal("12.50"), new BigDecimal("0.00"), new BigDecimal("1234.56"),
                    T0.minus(Duration.ofDays(3)), Customer.Status.ACTIVE);
        }

        @Test
        void findsTheCustomerOfAMobileNumberWithAllItsPhonesAndFigures() {
            List<Customer> found = customers.byPhone(GeneratedCustomers.mobile(7), 10);

            assertThat(found).hasSize(1);
            Customer c = found.get(0);
            assertThat(c).usingRecursiveComparison().ignoringFields("id").isEqualTo(generated.customer(7));
            assertThat(c.phones()).as("the mobile first, as entered").containsExactly(GeneratedCustomers.mobile(7), GeneratedCustomers.landline(7));
        }

        @Test
        void aSharedNumberFindsEveryCustomerWithIt() {
            // Customer 51 lists customer 50's mobile too (a household).
            List<Customer> found = customers.byPhone(GeneratedCustomers.mobile(50), 10);

            assertThat(found).extracting(Customer::accountNo).containsExactly(generated.account(50), generated.account(51));
        }

        @Test
        void anUnknownNumberFindsNobody() {
            assertThat(customers.byPhone("13000000000", 10)).isEmpty();
        }

        @Test
        void findsByAccountNumberAndNotAcrossSites() {
            assertThat(customers.byAccount(generated.account(3))).get().extracting(Customer::name)
                    .isEqualTo(generated.customer(3).name());
            assertThat(new JdbcCustomers(database.dataSource(), "other-site", clock).byAccount(generated.account(3)))
                    .isEmpty();
            assertThat(customers.byAccount("G99999999")).isEmpty();
        }

        @Test
        void searchFindsNameAndAddressFragmentsAndTakesWildcardsLiterally() {
            customers.insertAll(List.of(
                    customer("X1", "歐陽明月", "東城區和平路8號金沙小區3棟1201室", "13700000001"),
                    customer("X2", "司徒100%", "西城區光明街5號", "13700000002")));

            assertThat(customers.search("明月", 10)).extracting(Customer::accountNo).containsExactly("X1");
            assertThat(customers.search("和平路8號金沙", 10)).extracting(Customer::accountNo).containsExactly("X1");
            assertThat(customers.search("100%", 10)).extracting(Customer::accountNo).containsExactly("X2");
            assertThat(customers.search("%", 10)).extracting(Customer::accountNo).containsExactly("X2");
            assertThat(customers.search("中山路", 5)).hasSize(5)
                    .allSatisfy(c -> assertThat(c.address()).contains("中山路"));
            assertThatThrownBy(() -> customers.search("  ", 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected: part of a name or address");
        }

        @Test
        void contactHistoryIsNewestFirstLimitedAndSkipsUnknownAccounts() {
            Customer c = customers.byAccount(generated.account(1)).orElseThrow();
            List<Contact> contacts = new ArrayList<>();
            for (int i = 0; i < 15; i++) {
                contacts.add(new Contact(0, c.accountNo(), i % 2 == 0 ? Contact.Kind.INBOUND_CALL : Contact.Kind.WORK_ORDER_NOTE,
                        T0.plus(Duration.ofMinutes(i)), "2001", GeneratedCustomers.mobile(1), "call-" + i, "rec-" + i,
                        "rec/" + i + ".wav", i % 2 == 0 ? "" : "WO-" + i, "第" + i + "次"));
            }
            contacts.add(new Contact(0, "NO-SUCH", Contact.Kind.VOICEMAIL, T0, "", "", "", "", "", "", ""));

            assertThat(history.append(contacts)).isEqualTo(15);

            List<Contact> latest = history.latest(c, 10);
            assertThat(latest).hasSize(10);
            assertThat(latest).extracting(Contact::callId).containsExactly("call-14", "call-13", "call-12", "call-11",
                    "call-10", "call-9", "call-8", "call-7", "call-6", "call-5");
            Contact newest = latest.get(0);
            assertThat(newest.occurredAt()).isEqualTo(T0.plus(Duration.ofMinutes(14)));
            assertThat(newest.recordId()).isEqualTo("rec-14");
            assertThat(newest.recordingRef()).isEqualTo("rec/14.wav");
            assertThat(latest.get(1).workOrderNo()).isEqualTo("WO-13");
            assertThat(latest.get(1).kind()).isEqualTo(Contact.Kind.WORK_ORDER_NOTE);
            assertThat(history.latest(customers.byAccount(generated.account(2)).orElseThrow(), 10)).isEmpty();
        }

        @Test
        void blacklistEntriesAreReplacedAndRemoved() {
            BlacklistEntry first = new BlacklistEntry("13811112222", "騷擾電話", "2099", T0, T0.plus(Duration.ofDays(7)));
            blacklist.put(first);
            BlacklistEntry second = new BlacklistEntry("13811112222", "惡意來電", "2001", T0, null);
            blacklist.put(second);

            assertThat(blacklist.entries()).containsExactly(second);
            assertThat(blacklist.find("13811112222")).contains(second);
            assertThat(blacklist.remove("13811112222")).isTrue();
            assertThat(blacklist.remove("13811112222")).isFalse();
            assertThat(blacklist.entries()).isEmpty();
        }

        @Test
        void billingGatewayReportsFiguresAndPlannedOutagesOfTheArea() {
            BillingGateway billing = customers;
            Customer c = generated.customer(9);

            BillingGateway.Account a = billing.account(generated.account(9)).orElseThrow();
            assertThat(a.arrears()).isEqualByComparingTo(c.arrears());
            assertThat(a.balance()).isEqualByComparingTo(c.balance());
            assertThat(a.lastReadingAt()).isEqualTo(c.lastReadingAt());
            assertThat(billing.account("NONE")).isEmpty();

            Instant from = T0.plus(Duration.ofDays(1));
            customers.addPlannedOutage(new BillingGateway.PlannedOutage(c.district(), "", from, from.plus(Duration.ofHours(6)),
                    "管網檢修停氣"));
            customers.addPlannedOutage(new BillingGateway.PlannedOutage("別的區", "", from, from.plus(Duration.ofHours(6)),
                    "別處"));
            assertThat(billing.plannedOutages(c.district(), c.gridArea(), T0, T0.plus(Duration.ofDays(2))))
                    .extracting(BillingGateway.PlannedOutage::reason).containsExactly("管網檢修停氣");
            assertThat(billing.plannedOutages(c.district(), c.gridArea(), T0, from)).isEmpty();
        }

        @Test
        void demoSeedRunsOnlyOnAnEmptySite() {
            JdbcCustomers otherSite = new JdbcCustomers(database.dataSource(), "demo-site", clock);

            assertThat(CustomerDemoData.seedIfEmpty(otherSite, 2_500, clock)).isTrue();
            assertThat(CustomerDemoData.seedIfEmpty(otherSite, 2_500, clock)).isFalse();
            assertThat(otherSite.byAccount("G00002499")).isPresent();
            assertThat(otherSite.byAccount("G00002500")).isEmpty();
            // Keys of the second batch map to the right rows: phones belong to their customers.
            assertThat(otherSite.byPhone(GeneratedCustomers.mobile(2_300), 5)).extracting(Customer::accountNo)
                    .containsExactly("G00002300", "G00002301");
        }
    }

    @Nested
    class OnH2 extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.H2;
        }
    }

    @Nested
    class OnMariaDb extends Contract {
        @Override
        protected TestDatabase.Kind kind() {
            return TestDatabase.Kind.MARIADB;
        }
    }
}
