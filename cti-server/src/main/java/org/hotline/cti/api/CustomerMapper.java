package org.hotline.cti.api;

import java.time.Instant;

import org.hotline.api.v1.ContactKind;
import org.hotline.api.v1.CustomerType;
import org.hotline.api.v1.PoppedCustomer;
import org.hotline.api.v1.ServiceStatus;
import org.hotline.cti.customers.BlacklistEntry;
import org.hotline.cti.customers.Contact;
import org.hotline.cti.customers.Customer;
import org.hotline.cti.customers.ScreenPop;
import org.hotline.cti.customers.WorkOrderSummary;

import static org.hotline.cti.api.ProtoMapper.ts;

/** Customers, contacts, blacklist entries and screen pops between domain and proto. */
final class CustomerMapper {
    private CustomerMapper() {}

    static org.hotline.api.v1.Customer customer(Customer c) {
        org.hotline.api.v1.Customer.Builder b = org.hotline.api.v1.Customer.newBuilder()
                .setAccountNo(c.accountNo()).setName(c.name()).addAllPhones(c.phones()).setAddress(c.address())
                .setDistrict(c.district()).setGridArea(c.gridArea()).setMeterId(c.meterId())
                .setType(CustomerType.valueOf("CUSTOMER_TYPE_" + c.type().name()))
                .setBalance(c.balance().toPlainString()).setArrears(c.arrears().toPlainString())
                .setLastReading(c.lastReading().toPlainString())
                .setStatus(ServiceStatus.valueOf("SERVICE_STATUS_" + c.status().name()));
        if (c.lastReadingAt() != null) {
            b.setLastReadingAt(ts(c.lastReadingAt()));
        }
        return b.build();
    }

    static org.hotline.api.v1.Contact contact(Contact c) {
        return org.hotline.api.v1.Contact.newBuilder().setId(c.id()).setAccountNo(c.accountNo())
                .setKind(kind(c.kind())).setOccurredAt(ts(c.occurredAt())).setAgentId(c.agentId())
                .setPhone(c.phone()).setCallId(c.callId()).setRecordId(c.recordId())
                .setRecordingRef(c.recordingRef()).setWorkOrderNo(c.workOrderNo()).setSummary(c.summary()).build();
    }

    static ContactKind kind(Contact.Kind k) {
        return ContactKind.valueOf("CONTACT_KIND_" + k.name());
    }

    /** Null for UNSPECIFIED or an unknown number. */
    static Contact.Kind kind(ContactKind k) {
        return k == ContactKind.CONTACT_KIND_UNSPECIFIED || k == ContactKind.UNRECOGNIZED ? null
                : Contact.Kind.valueOf(k.name().substring("CONTACT_KIND_".length()));
    }

    static org.hotline.api.v1.WorkOrderSummary workOrder(WorkOrderSummary w) {
        org.hotline.api.v1.WorkOrderSummary.Builder b = org.hotline.api.v1.WorkOrderSummary.newBuilder()
                .setNumber(w.number()).setType(w.type()).setStatus(w.status()).setPriority(w.priority())
                .setTitle(w.title());
        if (w.createdAt() != null) {
            b.setCreatedAt(ts(w.createdAt()));
        }
        if (w.dueAt() != null) {
            b.setDueAt(ts(w.dueAt()));
        }
        return b.build();
    }

    static org.hotline.api.v1.ScreenPop pop(ScreenPop p) {
        org.hotline.api.v1.ScreenPop.Builder b = org.hotline.api.v1.ScreenPop.newBuilder().setCallId(p.callId())
                .setCallerNumber(p.callerNumber());
        for (ScreenPop.Match m : p.matches()) {
            PoppedCustomer.Builder pc = PoppedCustomer.newBuilder().setCustomer(customer(m.customer()));
            m.openWorkOrders().forEach(w -> pc.addOpenWorkOrders(workOrder(w)));
            m.recentContacts().forEach(c -> pc.addRecentContacts(contact(c)));
            b.addCustomers(pc);
        }
        return b.build();
    }

    static org.hotline.api.v1.BlacklistEntry blacklisted(BlacklistEntry e, Instant now) {
        org.hotline.api.v1.BlacklistEntry.Builder b = org.hotline.api.v1.BlacklistEntry.newBuilder()
                .setPhone(e.phone()).setReason(e.reason()).setAddedBy(e.addedBy()).setAddedAt(ts(e.addedAt()))
                .setActive(e.activeAt(now));
        if (e.expiresAt() != null) {
            b.setExpiresAt(ts(e.expiresAt()));
        }
        return b.build();
    }

    /** The wire type to the domain one: UNSPECIFIED means residential, the common case at a desk. */
    static Customer.Type type(int wireValue) {
        org.hotline.api.v1.CustomerType t = org.hotline.api.v1.CustomerType.forNumber(wireValue);
        if (t == null) {
            throw Errors.invalid("type: " + wireValue + " (expected: RESIDENTIAL, COMMERCIAL, LARGE_ACCOUNT or VIP)");
        }
        return switch (t) {
            case CUSTOMER_TYPE_UNSPECIFIED, CUSTOMER_TYPE_RESIDENTIAL -> Customer.Type.RESIDENTIAL;
            case CUSTOMER_TYPE_COMMERCIAL -> Customer.Type.COMMERCIAL;
            case CUSTOMER_TYPE_LARGE_ACCOUNT -> Customer.Type.LARGE_ACCOUNT;
            case CUSTOMER_TYPE_VIP -> Customer.Type.VIP;
            case UNRECOGNIZED -> throw Errors.invalid("type: " + wireValue
                    + " (expected: RESIDENTIAL, COMMERCIAL, LARGE_ACCOUNT or VIP)");
        };
    }
}
