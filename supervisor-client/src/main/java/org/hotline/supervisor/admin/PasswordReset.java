package org.hotline.supervisor.admin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.ErrorTexts;
import org.hotline.agent.Messages;
import org.hotline.api.v1.User;

import static java.util.Objects.requireNonNull;

/**
 * A temporary password for the selected user, typed or generated: checked as typed (8-72 bytes,
 * not the agent id), confirmed, sent, then shown once so the administrator can pass it on. It is
 * forgotten when another user is selected.
 */
public final class PasswordReset {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AdminGateway gateway;
    private final EntityEditor<User, ?> users;
    private final Messages texts;
    private final ErrorTexts errors;
    private final Supplier<String> generator;
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty issued = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanBinding canReset;

    public PasswordReset(AdminGateway gateway, EntityEditor<User, ?> users, Messages desk, Messages texts, Supplier<String> generator) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.users = requireNonNull(users, "users");
        this.texts = requireNonNull(texts, "texts");
        this.errors = new ErrorTexts(desk);
        this.generator = requireNonNull(generator, "generator");
        password.addListener((o, a, b) -> check());
        users.selectedProperty().addListener((o, a, b) -> {
            password.set("");
            issued.set("");
            error.set("");
            check();
        });
        canReset = Bindings.createBooleanBinding(() -> users.mayChange() && users.selectedProperty().get() != null
                && problem.get().isEmpty() && !password.get().isEmpty() && !busy.get(),
                users.selectedProperty(), problem, password, busy);
    }

    /** Twelve letters and digits without the look-alikes (0/O, 1/l/I). */
    public static String randomPassword() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    private void check() {
        String p = password.get() == null ? "" : password.get();
        User u = users.selectedProperty().get();
        int bytes = p.getBytes(StandardCharsets.UTF_8).length;
        if (p.isEmpty()) {
            problem.set("");
        } else if (bytes < 8 || bytes > 72) {
            problem.set(texts.get("admin.password.length", String.valueOf(bytes)));
        } else if (u != null && p.equals(u.getAgentId())) {
            problem.set(texts.get("admin.password.is_id"));
        } else {
            problem.set("");
        }
    }

    public void generate() {
        password.set(generator.get());
    }

    /** The question to ask before {@link #reset()}. */
    public String confirmation() {
        User u = users.selectedProperty().get();
        return u == null ? "" : texts.get("admin.password.confirm", u.getName(), u.getAgentId());
    }

    /** Sets the password on the server (after the administrator confirmed); on success it is shown once in {@link #issuedProperty()}. */
    public void reset() {
        if (!canReset.get()) {
            return;
        }
        User u = users.selectedProperty().get();
        String p = password.get();
        busy.set(true);
        error.set("");
        issued.set("");
        gateway.resetPassword(u.getAgentId(), p).whenComplete((ok, t) -> {
            busy.set(false);
            if (t != null) {
                error.set(texts.get("admin.password.failed", errors.of(t)));
                return;
            }
            password.set("");
            issued.set(texts.get("admin.password.issued", u.getName(), u.getAgentId(), p));
        });
    }

    /** Forgets the password shown once. */
    public void dismiss() {
        issued.set("");
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyStringProperty issuedProperty() {
        return issued;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public BooleanBinding canResetProperty() {
        return canReset;
    }
}
