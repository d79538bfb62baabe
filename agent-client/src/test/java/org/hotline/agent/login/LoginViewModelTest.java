package org.hotline.agent.login;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.hotline.agent.connection.Fingerprint;
import org.hotline.agent.connection.LoginException;
import org.hotline.agent.connection.LoginProblem;
import org.hotline.agent.connection.ServerAddress;
import org.hotline.api.v1.LoginRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LoginViewModelTest {
    static final Fingerprint SERVER_FP = Fingerprint.parse("AB".repeat(32));

    /** A server that answers as told; records what reached it. */
    static final class FakeServer implements LoginGateway<String> {
        final List<String> calls = new ArrayList<>();
        LoginProblem refuse;
        boolean plaintext;

        @Override
        public CompletableFuture<Fingerprint> probe(ServerAddress server) {
            calls.add("probe " + server);
            return CompletableFuture.completedFuture(SERVER_FP);
        }

        @Override
        public CompletableFuture<String> login(ServerAddress server, Fingerprint pin, LoginRequest r) {
            calls.add("login " + server + " pin=" + pin + " " + r.getAgentId() + "/" + r.getPassword() + " ext="
                    + r.getExtension() + (r.getTakeOver() ? " take-over" : ""));
            if (refuse != null) {
                return CompletableFuture.failedFuture(new LoginException(refuse, "refused", SERVER_FP));
            }
            return CompletableFuture.completedFuture("session of " + r.getAgentId());
        }

        @Override
        public boolean plaintext() {
            return plaintext;
        }
    }

    @TempDir
    Path dir;
    FakeServer server = new FakeServer();
    List<LoginViewModel.LoginSuccess<String>> loggedIn = new ArrayList<>();
    DeskSettings settings;

    @BeforeEach
    void settings() {
        settings = DeskSettings.load(dir.resolve("desk.properties"));
    }

    private LoginViewModel<String> vm(Fingerprint provisioned) {
        LoginViewModel<String> vm = new LoginViewModel<>(server, settings, provisioned, "cti:7443", Locale.ENGLISH,
                "test", loggedIn::add);
        vm.agentIdProperty().set("1001");
        vm.passwordProperty().set("secret");
        return vm;
    }

    @Test
    void theFirstConnectionShowsTheFingerprintAndSendsNoPasswordUntilTrusted() {
        LoginViewModel<String> vm = vm(null);
        vm.login();
        assertThat(server.calls).containsExactly("probe cti:7443");
        assertThat(vm.trustOfferedProperty().get()).isTrue();
        assertThat(vm.fingerprintProperty().get()).isEqualTo(SERVER_FP.toString());
        assertThat(vm.messageProperty().get()).contains("First connection");
        assertThat(loggedIn).isEmpty();

        vm.trustAndLogin();
        assertThat(server.calls).last().isEqualTo("login cti:7443 pin=" + SERVER_FP + " 1001/secret ext=");
        assertThat(loggedIn).extracting(LoginViewModel.LoginSuccess::session).containsExactly("session of 1001");
        assertThat(vm.passwordProperty().get()).as("the password is not kept").isEmpty();
        assertThat(DeskSettings.load(dir.resolve("desk.properties")).pin(new ServerAddress("cti", 7443))).contains(SERVER_FP);
    }

    @Test
    void aProvisionedOrRememberedPinLogsInWithoutAsking() {
        vm(SERVER_FP).login();
        assertThat(server.calls).containsExactly("login cti:7443 pin=" + SERVER_FP + " 1001/secret ext=");
        assertThat(loggedIn).hasSize(1);
    }

    @Test
    void theLastServerAgentAndExtensionAreRemembered() {
        LoginViewModel<String> first = vm(SERVER_FP);
        first.extensionProperty().set(" 8001 ");
        first.languageProperty().set(Locale.SIMPLIFIED_CHINESE);
        first.login();
        LoginViewModel<String> next = new LoginViewModel<>(server, DeskSettings.load(dir.resolve("desk.properties")),
                SERVER_FP, "other:1", Locale.ENGLISH, "test", loggedIn::add);
        assertThat(next.serverProperty().get()).isEqualTo("cti:7443");
        assertThat(next.agentIdProperty().get()).isEqualTo("1001");
        assertThat(next.extensionProperty().get()).isEqualTo("8001");
        assertThat(next.languageProperty().get()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(next.messagesProperty().get().get("login.button")).isEqualTo("登录");
    }

    @Test
    void aServerGivenOnTheCommandLineWinsOverTheRememberedOne() {
        vm(SERVER_FP).login(); // remembers cti:7443
        DeskSettings remembered = DeskSettings.load(dir.resolve("desk.properties"));

        org.hotline.agent.DeskOptions given = org.hotline.agent.DeskOptions.parse(java.util.List.of("--server", "moved:7443"));
        LoginViewModel<String> withGiven = new LoginViewModel<>(server, remembered, SERVER_FP, given.defaultServer(),
                Locale.ENGLISH, "test", loggedIn::add);
        given.showGivenServer(withGiven);
        org.hotline.agent.DeskOptions none = org.hotline.agent.DeskOptions.parse(java.util.List.of());
        LoginViewModel<String> withNone = new LoginViewModel<>(server, remembered, SERVER_FP, none.defaultServer(),
                Locale.ENGLISH, "test", loggedIn::add);
        none.showGivenServer(withNone);

        assertThat(withGiven.serverProperty().get()).isEqualTo("moved:7443");
        assertThat(withNone.serverProperty().get()).as("no --server: the last one used").isEqualTo("cti:7443");
        assertThat(none.defaultServer()).isEqualTo("localhost:7443");
    }

    @Test
    void eachRefusalHasItsOwnMessage() {
        LoginViewModel<String> vm = vm(SERVER_FP);
        server.refuse = LoginProblem.WRONG_CREDENTIALS;
        vm.login();
        assertThat(vm.messageProperty().get()).isEqualTo("Wrong agent ID or password.");
        server.refuse = LoginProblem.ACCOUNT_LOCKED;
        vm.login();
        assertThat(vm.messageProperty().get()).contains("locked");
        server.refuse = LoginProblem.SERVER_UNREACHABLE;
        vm.login();
        assertThat(vm.messageProperty().get()).contains("cannot be reached");
        server.refuse = LoginProblem.CERTIFICATE_MISMATCH;
        vm.login();
        assertThat(vm.messageProperty().get()).contains("different certificate", "call IT");
        assertThat(loggedIn).isEmpty();
    }

    @Test
    void aSessionOpenElsewhereCanBeTakenOver() {
        LoginViewModel<String> vm = vm(SERVER_FP);
        server.refuse = LoginProblem.SESSION_OPEN_ELSEWHERE;
        vm.login();
        assertThat(vm.takeOverOfferedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("already logged in");
        server.refuse = null;
        vm.takeOver();
        assertThat(server.calls).last().asString().endsWith("take-over");
        assertThat(loggedIn).hasSize(1);
    }

    @Test
    void missingFieldsAndABadAddressAreCaughtBeforeConnecting() {
        LoginViewModel<String> vm = vm(SERVER_FP);
        vm.passwordProperty().set("");
        vm.login();
        assertThat(vm.messageProperty().get()).isEqualTo("Enter your agent ID and password.");
        vm.passwordProperty().set("x");
        vm.serverProperty().set("cti:abc");
        vm.login();
        assertThat(vm.messageProperty().get()).contains("cti:abc");
        assertThat(server.calls).isEmpty();
    }

    @Test
    void plaintextServersNeedNoPin() {
        server.plaintext = true;
        vm(null).login();
        assertThat(server.calls).containsExactly("login cti:7443 pin=null 1001/secret ext=");
    }
}
