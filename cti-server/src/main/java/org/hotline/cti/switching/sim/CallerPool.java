package org.hotline.cti.switching.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The people who call: numbers that look like Chinese mobiles (11 digits, 13x-19x) and landlines
 * (0 + area code + local number), each with the utility account number they key in. Callers are
 * drawn uniformly, so with a pool not much bigger than a day's calls many of them call again, as
 * real customers do.
 */
final class CallerPool {
    /** One customer. */
    record Caller(String number, String account) {}

    private static final String[] MOBILE_PREFIXES = {"13", "15", "17", "18", "19"};
    private static final String[] AREA_CODES = {"10", "20", "21", "22", "23", "24", "25", "27", "28", "29",
            "311", "371", "431", "451", "531", "571", "591", "731", "755", "871"};
    private static final double MOBILE_SHARE = 0.7;

    private final List<Caller> callers;

    CallerPool(Random random, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size: " + size + " (expected: >= 1)");
        }
        Set<String> seen = new HashSet<>();
        callers = new ArrayList<>(size);
        while (callers.size() < size) {
            String number = random.nextDouble() < MOBILE_SHARE ? mobile(random) : landline(random);
            if (seen.add(number)) {
                callers.add(new Caller(number, digits(random, "62", 8)));
            }
        }
    }

    Caller pick(Random random) {
        return callers.get(random.nextInt(callers.size()));
    }

    int size() {
        return callers.size();
    }

    private static String mobile(Random random) {
        return digits(random, MOBILE_PREFIXES[random.nextInt(MOBILE_PREFIXES.length)], 9);
    }

    private static String landline(Random random) {
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        // Two-digit areas (Beijing, Shanghai...) have 8-digit local numbers, most others 7 or 8.
        return digits(random, "0" + area, area.length() == 2 || random.nextBoolean() ? 8 : 7);
    }

    private static String digits(Random random, String prefix, int count) {
        StringBuilder b = new StringBuilder(prefix.length() + count).append(prefix);
        b.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < count; i++) {
            b.append((char) ('0' + random.nextInt(10)));
        }
        return b.toString();
    }
}
