package org.hotline.cti.customers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * Realistic made-up customers for the demo and the benchmark, a pure function of an index: the
 * same index always gives the same customer, so loads can resume and tests can name callers.
 *
 * <p>Customer {@code i} has account {@code prefix + i} (eight digits) and the mobile number
 * {@link #mobile(int) mobile(i)}; every seventh also has a landline; every fiftieth (i % 50 == 1)
 * also lists the mobile of customer {@code i - 1}, so that number is shared by two customers
 * (a household) and pops both.
 */
public final class GeneratedCustomers {
    private static final String[] SURNAMES = {"陳", "李", "張", "黃", "何", "林", "梁", "吳", "王", "劉", "楊", "趙",
            "周", "徐", "孫", "馬", "朱", "胡", "郭", "羅"};
    private static final String[] GIVEN = {"嘉欣", "志明", "美玲", "家豪", "詠詩", "俊傑", "淑儀", "偉強", "麗華", "子軒",
            "建國", "秀英", "國華", "海燕", "文輝", "慧敏", "永康", "玉蘭", "振華", "雅婷", "明德", "桂芳", "學文", "曉東"};
    private static final String[] DISTRICTS = {"東城區", "西城區", "南湖區", "北山區", "中心區", "新港區"};
    private static final String[] STREETS = {"中山路", "人民路", "解放路", "建設路", "和平路", "文化路", "青年路",
            "東風路", "新華路", "勝利路", "光明街", "長安街"};
    private static final String[] ESTATES = {"幸福花園", "翠湖苑", "金沙小區", "陽光新村", "錦繡華庭", "和諧家園"};

    private final String accountPrefix;
    private final Instant readingsUntil;

    /** {@code readingsUntil}: the last meter readings fall in the 60 days before it. */
    public GeneratedCustomers(String accountPrefix, Instant readingsUntil) {
        this.accountPrefix = requireNonNull(accountPrefix, "accountPrefix");
        this.readingsUntil = requireNonNull(readingsUntil, "readingsUntil");
    }

    public String account(int i) {
        return accountPrefix + pad(i, 8);
    }

    /** The mobile number of customer {@code i}: unique per index. */
    public static String mobile(int i) {
        return "139" + pad(i, 8);
    }

    public static String landline(int i) {
        return "0208" + pad(i % 10_000_000, 7);
    }

    public Customer customer(int i) {
        if (i < 0) {
            throw new IllegalArgumentException("i: " + i + " (expected: >= 0)");
        }
        SplittableRandom r = new SplittableRandom(0x5EEDL * 31 + i);
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        int d = r.nextInt(DISTRICTS.length);
        String district = DISTRICTS[d];
        String address = district + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(300)) + "號"
                + ESTATES[r.nextInt(ESTATES.length)] + (1 + r.nextInt(20)) + "棟" + (1 + r.nextInt(30))
                + pad(1 + r.nextInt(8), 2) + "室";
        String grid = district.substring(0, 2) + "-" + pad(1 + r.nextInt(24), 2);
        List<String> phones = new ArrayList<>(3);
        phones.add(mobile(i));
        if (i % 7 == 0) {
            phones.add(landline(i));
        }
        if (i % 50 == 1) {
            phones.add(mobile(i - 1));
        }
        int t = r.nextInt(100);
        Customer.Type type = t < 85 ? Customer.Type.RESIDENTIAL : t < 95 ? Customer.Type.COMMERCIAL
                : t < 98 ? Customer.Type.LARGE_ACCOUNT : Customer.Type.VIP;
        boolean owes = r.nextInt(10) == 0;
        BigDecimal arrears = owes ? money(r.nextInt(5_000, 200_000)) : BigDecimal.ZERO.setScale(2);
        BigDecimal balance = owes ? BigDecimal.ZERO.setScale(2) : money(r.nextInt(0, 100_000));
        int s = r.nextInt(100);
        Customer.Status status = s < 96 ? Customer.Status.ACTIVE : s < 99 ? Customer.Status.SUSPENDED
                : Customer.Status.CLOSED;
        return new Customer(0, account(i), name, phones, address, district, grid,
                "M" + pad(i, 9), type, balance, arrears, money(r.nextInt(1_000, 5_000_000)),
                readingsUntil.minusSeconds(r.nextLong(60L * 86_400)), status);
    }

    /** Zero-padded decimal, without String.format: the generator runs a million times per bench load. */
    static String pad(long n, int width) {
        String digits = Long.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
    }
}
