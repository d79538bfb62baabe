package org.hotline.supervisor.queues;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.hotline.api.v1.QueueStatus;

/** One queue in the queues panel; texts are set by the view model. */
public final class QueueRow {
    private final String queueId;
    private QueueStatus status;
    private final StringProperty name = new SimpleStringProperty("");
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final StringProperty longestWait = new SimpleStringProperty("");
    private final StringProperty serviceLevel = new SimpleStringProperty("");
    private final StringProperty speedOfAnswer = new SimpleStringProperty("");
    private final StringProperty abandonRate = new SimpleStringProperty("");
    private final StringProperty offered = new SimpleStringProperty("");
    private final StringProperty agents = new SimpleStringProperty("");
    private final ObjectProperty<QueueThresholds.Level> level = new SimpleObjectProperty<>(QueueThresholds.Level.OK);

    QueueRow(String queueId) {
        this.queueId = queueId;
    }

    public String queueId() {
        return queueId;
    }

    public QueueStatus status() {
        return status;
    }

    void set(QueueStatus s, String longest, String sl, String asa, String abandon, String offeredText, String agentsText,
             QueueThresholds.Level l) {
        status = s;
        name.set(s.getName().isEmpty() ? s.getQueueId() : s.getName());
        waiting.set(s.getWaiting());
        longestWait.set(longest);
        serviceLevel.set(sl);
        speedOfAnswer.set(asa);
        abandonRate.set(abandon);
        offered.set(offeredText);
        agents.set(agentsText);
        level.set(l);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting;
    }

    public ReadOnlyStringProperty longestWaitProperty() {
        return longestWait;
    }

    public ReadOnlyStringProperty serviceLevelProperty() {
        return serviceLevel;
    }

    public ReadOnlyStringProperty speedOfAnswerProperty() {
        return speedOfAnswer;
    }

    public ReadOnlyStringProperty abandonRateProperty() {
        return abandonRate;
    }

    public ReadOnlyStringProperty offeredProperty() {
        return offered;
    }

    public ReadOnlyStringProperty agentsProperty() {
        return agents;
    }

    public ReadOnlyObjectProperty<QueueThresholds.Level> levelProperty() {
        return level;
    }
}
