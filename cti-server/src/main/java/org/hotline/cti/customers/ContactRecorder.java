package org.hotline.cti.customers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.hotline.cti.calls.CallDetailRecord.Direction;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.ModelListener;
import org.hotline.cti.switching.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static java.util.Objects.requireNonNull;

/**
 * Puts every customer call on the customer's timeline. On the event loop it only follows calls
 * and, once a call's detail record is durable ({@link #callRecorded}), hands the finished call
 * to a queue; a writer thread resolves the customer (the account attached to the call, else the
 * account keyed in the IVR, else every customer with the number) and appends in batches.
 * Internal calls and consultations are not customer contacts.
 */
public final class ContactRecorder implements ModelListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ContactRecorder.class);
    private static final int BATCH = 500;
    private static final int TRACKED_CALLS = 50_000;
    /** A number shared by more customers than this is a switchboard: the contact goes to none. */
    static final int MAX_CUSTOMERS_PER_NUMBER = 5;

    private record Tracked(CallView view, String agentId, Instant lastChange) {}

    private record Ended(CallView view, String agentId, Instant at, String recordId) {}

    private final CustomerDirectory directory;
    private final ContactHistory history;
    private final BlockingQueue<Ended> queue = new ArrayBlockingQueue<>(20_000);
    private final Thread writer;
    private volatile boolean closed;
    // Loop-owned.
    private final Map<String, Tracked> calls = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Tracked> eldest) {
            return size() > TRACKED_CALLS;
        }
    };

    public ContactRecorder(CustomerDirectory directory, ContactHistory history) {
        this.directory = requireNonNull(directory, "directory");
        this.history = requireNonNull(history, "history");
        this.writer = new Thread(this::run, "contact-writer");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void callChanged(String agentId, CallChange change, CallView call, String cause, Instant origin) {
        if (call.direction() == Direction.INTERNAL || !call.consultedFromCallId().isEmpty()) {
            return;
        }
        Tracked was = calls.get(call.callId());
        String talking = change == CallChange.CONNECTED || change == CallChange.TRANSFERRED
                || change == CallChange.DIALING || was == null ? agentId : was.agentId();
        calls.put(call.callId(), new Tracked(call, talking, origin));
    }

    @Override
    public void callRecorded(String agentId, String callId, String recordId) {
        Tracked t = calls.remove(callId);
        if (t == null) {
            return;
        }
        if (!queue.offer(new Ended(t.view(), t.agentId(), t.lastChange(), recordId))) {
            log.warn("contact of call {} not recorded: writer queue full (database slow?)", callId);
        }
    }

    private void run() {
        List<Ended> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Ended first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (closed) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Ended> batch) {
        List<Contact> contacts = new ArrayList<>();
        try {
            for (Ended e : batch) {
                contacts.addAll(contactsOf(e));
            }
            history.append(contacts);
        } catch (RuntimeException ex) {
            log.warn("{} call contacts not recorded: {}", batch.size(), ex.toString());
        }
    }

    private List<Contact> contactsOf(Ended e) {
        CallView v = e.view();
        boolean inbound = v.direction() == Direction.INBOUND;
        String number = Devices.number(inbound ? v.data().callerNumber() : v.data().dialledNumber());
        Set<String> accounts = new LinkedHashSet<>();
        if (!v.data().customerId().isEmpty()) {
            accounts.add(v.data().customerId());
        } else if (!v.data().enteredAccount().isEmpty()) {
            accounts.add(v.data().enteredAccount());
        } else if (!number.isEmpty()) {
            List<Customer> found = directory.byPhone(number, MAX_CUSTOMERS_PER_NUMBER + 1);
            if (found.size() <= MAX_CUSTOMERS_PER_NUMBER) {
                found.forEach(c -> accounts.add(c.accountNo()));
            }
        }
        String summary = v.answeredAt() != null ? "已接通" : "未接通";
        List<Contact> out = new ArrayList<>(accounts.size());
        for (String account : accounts) {
            out.add(new Contact(0, account, inbound ? Contact.Kind.INBOUND_CALL : Contact.Kind.OUTBOUND_CALL, e.at(),
                    e.agentId(), number, v.callId(), e.recordId(), v.recordingPath(), "", summary));
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
