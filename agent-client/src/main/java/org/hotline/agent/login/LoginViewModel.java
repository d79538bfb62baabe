package org.hotline.agent.login;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.agent.Messages;
import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.LoginException;
import org.hotline.agent.connection.LoginProblem;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.api.v1.LoginRequest;

import static java.util.Objects.requireNonNull;

/**
 * The login window: server address (remembered), agent id, password, extension and language.
 * On the first connection to a server its certificate fingerprint is shown and must be trusted
 * before any password is sent; a fingerprint IT provisioned is trusted without asking.
 *
 * @param <S> the session a successful login gives
 */
public final class LoginViewModel<S> {
    private final LoginGateway<S> gateway;
    private final DeskSettings settings;
    private final Fingerprint provisionedPin;
    private final String clientName;
    private final Consumer<LoginSuccess<S>> onLoggedIn;

    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty agentId = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty extension = new SimpleStringProperty("");
    private final ObjectProperty<Locale> language = new SimpleObjectProperty<>();
    private final ObjectProperty<Messages> messages = new SimpleObjectProperty<>();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty problem = new SimpleBooleanProperty();
    private final StringProperty fingerprint = new SimpleStringProperty("");
    private final BooleanProperty trustOffered = new SimpleBooleanProperty();
    private final BooleanProperty takeOverOffered = new SimpleBooleanProperty();

    private Fingerprint presented;

    /** What a login gives the composition root: the session and the language chosen. */
    public record LoginSuccess<S>(S session, Locale language) {}

    public LoginViewModel(LoginGateway<S> gateway, DeskSettings settings, Fingerprint provisionedPin, String defaultServer,
                          Locale defaultLanguage, String clientName, Consumer<LoginSuccess<S>> onLoggedIn) {
        this.gateway = requireNonNull(gateway, "gateway");
        this.settings = requireNonNull(settings, "settings");
        this.provisionedPin = provisionedPin;
        this.clientName = requireNonNull(clientName, "clientName");
        this.onLoggedIn = requireNonNull(onLoggedIn, "onLoggedIn");
        server.set(settings.server().isEmpty() ? defaultServer : settings.server());
        agentId.set(settings.agentId());
        extension.set(settings.extension());
        Locale lang = settings.language().orElse(defaultLanguage);
        language.set(Messages.LANGUAGES.stream().filter(l -> l.equals(lang)).findFirst()
                .orElse(Messages.LANGUAGES.stream().filter(l -> l.getLanguage().equals(lang.getLanguage())).findFirst()
                        .orElse(Locale.ENGLISH)));
        messages.set(Messages.forLocale(language.get()));
        language.addListener((o, a, b) -> messages.set(Messages.forLocale(b)));
        // Anything typed again invalidates an offer made for the previous values.
        server.addListener((o, a, b) -> {
            trustOffered.set(false);
            fingerprint.set("");
        });
        agentId.addListener((o, a, b) -> takeOverOffered.set(false));
    }

    private Messages m() {
        return messages.get();
    }

    /** The Log in button (and Enter). */
    public void login() {
        attempt(false);
    }

    /** After "already logged in elsewhere": end that session and log in here. */
    public void takeOver() {
        attempt(true);
    }

    /** After the first-connection fingerprint was shown and the agent compared it: pin it, then log in. */
    public void trustAndLogin() {
        if (presented == null) {
            return;
        }
        settings.pin(parsedServer().orElseThrow(), presented);
        trustOffered.set(false);
        attempt(false);
    }

    private Optional<ServerAddress> parsedServer() {
        try {
            return Optional.of(ServerAddress.parse(server.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void attempt(boolean takeOver) {
        if (busy.get()) {
            return;
        }
        Optional<ServerAddress> address = parsedServer();
        if (address.isEmpty()) {
            problem(m().get("login.error.server", server.get()));
            return;
        }
        if (agentId.get().isBlank() || password.get().isEmpty()) {
            problem(m().get("login.error.required"));
            return;
        }
        ServerAddress a = address.get();
        Fingerprint pin = settings.pin(a).orElse(provisionedPin);
        busy.set(true);
        info(m().get("login.connecting", a));
        takeOverOffered.set(false);
        if (pin == null && !gateway.plaintext()) {
            gateway.probe(a).whenComplete((f, e) -> {
                busy.set(false);
                if (e != null) {
                    fail(e);
                    return;
                }
                presented = f;
                fingerprint.set(f.toString());
                trustOffered.set(true);
                info(m().get("login.first_connection"));
            });
            return;
        }
        LoginRequest request = LoginRequest.newBuilder().setAgentId(agentId.get().trim()).setPassword(password.get())
                .setExtension(extension.get().trim()).setTakeOver(takeOver).setClientName(clientName).build();
        if (pin != null) {
            fingerprint.set(pin.toString());
        }
        gateway.login(a, pin, request).whenComplete((s, e) -> {
            busy.set(false);
            if (e != null) {
                fail(e);
                return;
            }
            password.set("");
            info("");
            settings.rememberLogin(a, agentId.get().trim(), extension.get().trim(), language.get());
            onLoggedIn.accept(new LoginSuccess<>(s, language.get()));
        });
    }

    private void fail(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (!(cause instanceof LoginException le)) {
            problem(m().get("login.error.other", String.valueOf(cause.getMessage())));
            return;
        }
        LoginProblem p = le.problem();
        if (p == LoginProblem.SESSION_OPEN_ELSEWHERE) {
            takeOverOffered.set(true);
        }
        if (p == LoginProblem.CERTIFICATE_MISMATCH) {
            problem(m().get("login.error.certificate", le.presented().map(Fingerprint::toString).orElse("?"),
                    fingerprint.get()));
            return;
        }
        problem(m().get("login.error." + p.name().toLowerCase(Locale.ROOT), le.getMessage()));
    }

    private void info(String text) {
        problem.set(false);
        message.set(text);
    }

    private void problem(String text) {
        problem.set(true);
        message.set(text);
    }

    /** True when {@link #messageProperty()} reports a problem rather than progress. */
    public BooleanProperty problemProperty() {
        return problem;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty agentIdProperty() {
        return agentId;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty extensionProperty() {
        return extension;
    }

    public ObjectProperty<Locale> languageProperty() {
        return language;
    }

    /** The bundle of the language chosen now: the login window relabels itself when it changes. */
    public ObjectProperty<Messages> messagesProperty() {
        return messages;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty fingerprintProperty() {
        return fingerprint;
    }

    public BooleanProperty trustOfferedProperty() {
        return trustOffered;
    }

    public BooleanProperty takeOverOfferedProperty() {
        return takeOverOffered;
    }
}
