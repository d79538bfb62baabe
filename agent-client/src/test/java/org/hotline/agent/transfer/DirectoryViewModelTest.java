package org.hotline.agent.transfer;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.grpc.Status;
import org.hotline.agent.Messages;
import org.hotline.agent.transfer.DirectoryViewModel.Entry;
import org.hotline.api.v1.AgentState;
import org.hotline.api.v1.DirectoryAgent;
import org.hotline.api.v1.DirectoryQueue;
import org.hotline.api.v1.ListDirectoryResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryViewModelTest {
    static final ListDirectoryResponse DIRECTORY = ListDirectoryResponse.newBuilder()
            .addAgents(agent("1001", "陳嘉欣", AgentState.AGENT_STATE_ON_CALL))
            .addAgents(agent("1002", "Ben Wong", AgentState.AGENT_STATE_READY))
            .addAgents(agent("1003", "李志明", AgentState.AGENT_STATE_NOT_READY))
            .addAgents(agent("1004", "Me Myself", AgentState.AGENT_STATE_READY))
            .addAgents(agent("1000", "Amy Lau", AgentState.AGENT_STATE_READY))
            .addQueues(DirectoryQueue.newBuilder().setQueueId("repair").setName("搶修").setWaiting(3))
            .addQueues(DirectoryQueue.newBuilder().setQueueId("billing").setName("Billing").setWaiting(0))
            .build();

    private ListDirectoryResponse answer = DIRECTORY;
    private Status fail;
    private final DirectoryViewModel vm = new DirectoryViewModel(
            () -> fail == null ? CompletableFuture.completedFuture(answer) : CompletableFuture.failedFuture(fail.asRuntimeException()),
            Messages.forLocale(Locale.ENGLISH), "1004");

    @Test
    void readyAgentsComeFirstAndMarkedThenQueuesThenTheOthersAndNeverMyself() {
        vm.load();
        assertThat(vm.entries()).extracting(Entry::destination)
                .containsExactly("1000", "1002", "queue:billing", "queue:repair", "1001", "1003");
        assertThat(vm.entries()).filteredOn(Entry::ready).extracting(Entry::destination).containsExactly("1000", "1002");
        assertThat(vm.entries().get(3).detail()).isEqualTo("queue:repair · 3 waiting");
        assertThat(vm.entries().get(4).detail()).isEqualTo("1001 · ext. 1001 · t1 · On a call");
        assertThat(vm.selectedProperty().get().destination()).as("the first Ready agent is preselected").isEqualTo("1000");
    }

    @Test
    void typingFiltersByNameIdTeamOrQueue() {
        vm.load();
        vm.filterProperty().set("ben");
        assertThat(vm.entries()).extracting(Entry::destination).containsExactly("1002");
        vm.filterProperty().set("搶修");
        assertThat(vm.entries()).extracting(Entry::destination).containsExactly("queue:repair");
        vm.filterProperty().set("100");
        assertThat(vm.entries()).extracting(Entry::destination).containsExactly("1000", "1002", "1001", "1003");
    }

    @Test
    void theResultIsTheSelectedAgentOrQueue() {
        vm.load();
        assertThat(vm.result()).isEqualTo("1000");
        vm.filterProperty().set("repair");
        assertThat(vm.result()).isEqualTo("queue:repair");
        vm.filterProperty().set("");
        vm.selectedProperty().set(vm.entries().get(4));
        assertThat(vm.result()).isEqualTo("1001");
    }

    @Test
    void aTypedNumberThatMatchesNobodyIsTheResultAsDigits() {
        vm.load();
        vm.filterProperty().set("139 0000-0001");
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.result()).isEqualTo("13900000001");
    }

    @Test
    void typedTextThatIsNeitherSomeoneNorANumberIsRefused() {
        vm.load();
        vm.filterProperty().set("zzz");
        assertThat(vm.result()).isNull();
        assertThat(vm.errorProperty().get()).isEqualTo("Nobody matches \"zzz\", and it is not a phone number.");
    }

    @Test
    void digitsThatAlsoMatchAnAgentCanStillBeDialledAsANumber() {
        vm.load();
        vm.filterProperty().set("1001");
        assertThat(vm.result()).isEqualTo("1001");
        vm.filterProperty().set("95001");
        assertThat(vm.typedNumber()).isEqualTo("95001");
        vm.filterProperty().set("ben");
        assertThat(vm.typedNumber()).isNull();
    }

    @Test
    void aFailedLoadSaysWhy() {
        fail = Status.UNAVAILABLE;
        vm.load();
        assertThat(vm.entries()).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("The server cannot be reached right now.");
    }

    private static DirectoryAgent agent(String id, String name, AgentState s) {
        return DirectoryAgent.newBuilder().setAgentId(id).setName(name).setTeam("t1").setExtension(id).setState(s).build();
    }
}
