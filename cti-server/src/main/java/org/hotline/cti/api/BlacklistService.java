package org.hotline.cti.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.grpc.stub.StreamObserver;
import org.hotline.api.v1.AddToBlacklistRequest;
import org.hotline.api.v1.AddToBlacklistResponse;
import org.hotline.api.v1.BlacklistCallerRequest;
import org.hotline.api.v1.BlacklistGrpc;
import org.hotline.api.v1.ListBlacklistRequest;
import org.hotline.api.v1.ListBlacklistResponse;
import org.hotline.api.v1.RemoveFromBlacklistRequest;
import org.hotline.api.v1.RemoveFromBlacklistResponse;
import org.hotline.cti.calls.CallView;
import org.hotline.cti.core.CallCenter;
import org.hotline.cti.core.CommandException;
import org.hotline.cti.customers.BlacklistEntry;
import org.hotline.cti.customers.CustomerFeature;
import org.hotline.cti.admin.AdminAudit;
import org.hotline.cti.admin.Editor;
import org.hotline.cti.security.Session;
import org.hotline.cti.switching.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blacklist. Team leads and administrators manage it; any desk may block the caller of a call
 * it is on. Every change reloads the screen the event loop consults, so it takes effect for the
 * next call.
 */
final class BlacklistService extends BlacklistGrpc.BlacklistImplBase {
    private static final Logger log = LoggerFactory.getLogger(BlacklistService.class);
    static final int MAX_DAYS = 3_650;

    private final CustomerFeature customers;
    private final CallCenter center;
    private final AdminAudit audit;

    BlacklistService(CustomerFeature customers, CallCenter center, AdminAudit audit) {
        this.customers = customers;
        this.center = center;
        this.audit = java.util.Objects.requireNonNull(audit, "audit");
    }

    private static Session supervisor() {
        Session s = AuthInterceptor.session();
        if (!s.role().canSupervise()) {
            throw Errors.permission("role " + s.role() + " may not manage the blacklist (expected: team lead or admin;"
                    + " agents block the caller of their own call with BlacklistCaller)");
        }
        return s;
    }

    private static String reason(String reason) {
        String r = reason.strip();
        if (r.isEmpty() || r.length() > 255) {
            throw Errors.invalid("reason: " + r.length() + " characters (expected: 1..255)");
        }
        return r;
    }

    private static int days(int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw Errors.invalid("days: " + days + " (expected: 0 for until removed, or 1.." + MAX_DAYS + ")");
        }
        return days;
    }

    @Override
    public void listBlacklist(ListBlacklistRequest req, StreamObserver<ListBlacklistResponse> out) {
        Unary.answer(out, BlacklistService::supervisor, customers.workers(), () -> {
            Instant now = customers.clock().instant();
            ListBlacklistResponse.Builder b = ListBlacklistResponse.newBuilder();
            customers.blacklist().entries().forEach(e -> b.addEntries(CustomerMapper.blacklisted(e, now)));
            return b.build();
        });
    }

    @Override
    public void addToBlacklist(AddToBlacklistRequest req, StreamObserver<AddToBlacklistResponse> out) {
        String phone = req.getPhone().strip();
        String[] reason = new String[1];
        Session[] by = new Session[1];
        Unary.answer(out, () -> {
            by[0] = supervisor();
            if (phone.isEmpty() || phone.length() > 32) {
                throw Errors.invalid("phone: '" + phone + "' (expected: a calling number of 1..32 characters)");
            }
            reason[0] = reason(req.getReason());
            days(req.getDays());
        }, customers.workers(), () -> put(phone, reason[0], req.getDays(), by[0]));
    }

    @Override
    public void blacklistCaller(BlacklistCallerRequest req, StreamObserver<AddToBlacklistResponse> out) {
        Session s = AuthInterceptor.session();
        try {
            CustomerService.requireDesk();
            String reason = reason(req.getReason());
            days(req.getDays());
            Unary.reply(out, center.read(r -> callerOf(r.callsOf(s.agentId()), req.getCallId(), s.agentId()))
                    .thenCompose(phone -> CompletableFuture.supplyAsync(
                            () -> put(phone, reason, req.getDays(), s), customers.workers())));
        } catch (RuntimeException e) {
            out.onError(Errors.toStatus(e));
        }
    }

    /** The outside party of a call on this desk; on the loop. */
    private static String callerOf(List<CallView> calls, String callId, String agentId) {
        for (CallView c : calls) {
            if (c.callId().equals(callId)) {
                for (CallView.Party p : c.parties()) {
                    if (Devices.isExternal(p.device())) {
                        return Devices.number(p.device());
                    }
                }
                throw new CommandException(CommandException.Code.FAILED_PRECONDITION,
                        "call: " + callId + " has no outside caller to block (an internal call)");
            }
        }
        throw new CommandException(CommandException.Code.NOT_FOUND,
                "call: '" + callId + "' (not a call on the desk of " + agentId + ")");
    }

    private AddToBlacklistResponse put(String phone, String reason, int days, Session s) {
        String by = s.agentId();
        Instant now = customers.clock().instant();
        String before = customers.blacklist().find(phone).map(old -> "reason=" + old.reason() + ", by " + old.addedBy())
                .orElse(AdminAudit.NONE);
        BlacklistEntry e = new BlacklistEntry(phone, reason, by, now, days == 0 ? null : now.plus(Duration.ofDays(days)));
        customers.blacklist().put(e);
        customers.screen().refresh();
        audit.changed(new Editor(by, s.role()), "blacklist.add", "blacklist:" + phone, before, "reason=" + reason + ", "
                + (days == 0 ? "until removed" : days + " days"));
        log.info("blacklist: {} added by {} ({}), {}", phone, by, reason, days == 0 ? "until removed" : days + " days");
        return AddToBlacklistResponse.newBuilder().setEntry(CustomerMapper.blacklisted(e, now)).build();
    }

    @Override
    public void removeFromBlacklist(RemoveFromBlacklistRequest req, StreamObserver<RemoveFromBlacklistResponse> out) {
        String phone = req.getPhone().strip();
        Session[] by = new Session[1];
        Unary.answer(out, () -> by[0] = supervisor(), customers.workers(), () -> {
            boolean removed = customers.blacklist().remove(phone);
            customers.screen().refresh();
            if (removed) {
                audit.changed(new Editor(by[0].agentId(), by[0].role()), "blacklist.remove", "blacklist:" + phone,
                        "blocked", AdminAudit.NONE);
                log.info("blacklist: {} removed by {}", phone, by[0].agentId());
            }
            return RemoveFromBlacklistResponse.newBuilder().setRemoved(removed).build();
        });
    }
}
