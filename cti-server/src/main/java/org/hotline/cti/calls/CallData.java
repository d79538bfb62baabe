package org.hotline.cti.calls;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data attached to a call: it follows the caller's call through queues, transfers and
 * conferences, so the next agent's screen shows what the first one knew.
 */
public record CallData(String callerNumber, String dialledNumber, String queueId, List<String> ivrPath,
                       String enteredAccount, String customerId, Map<String, String> values) {
    public static final CallData EMPTY = new CallData("", "", "", List.of(), "", "", Map.of());

    public CallData {
        callerNumber = nz(callerNumber);
        dialledNumber = nz(dialledNumber);
        queueId = nz(queueId);
        ivrPath = List.copyOf(ivrPath);
        enteredAccount = nz(enteredAccount);
        customerId = nz(customerId);
        values = Map.copyOf(values);
    }

    public CallData withQueue(String q) {
        return new CallData(callerNumber, dialledNumber, q, ivrPath, enteredAccount, customerId, values);
    }

    /** Merges agent-entered data: non-empty fields replace, values are added or replaced. */
    public CallData merge(String newCustomerId, String newAccount, Map<String, String> more) {
        Map<String, String> v = new HashMap<>(values);
        v.putAll(more);
        return new CallData(callerNumber, dialledNumber, queueId, ivrPath,
                newAccount == null || newAccount.isEmpty() ? enteredAccount : newAccount,
                newCustomerId == null || newCustomerId.isEmpty() ? customerId : newCustomerId, v);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
