package org.hotline.agent.tickets;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.hotline.api.v1.Call;

/**
 * What the work-order form is pre-filled from: the current call (fed from the softphone's
 * active call) and the selected customer (fed from the screen pop). Empty strings mean "not
 * known"; an empty value never clears what the form already holds.
 */
public final class WorkOrderContext {
    private final StringProperty callId = new SimpleStringProperty("");
    private final StringProperty callerNumber = new SimpleStringProperty("");
    private final StringProperty ivrChoice = new SimpleStringProperty("");
    private final StringProperty customerAccount = new SimpleStringProperty("");
    private final StringProperty customerAddress = new SimpleStringProperty("");
    private final StringProperty customerArea = new SimpleStringProperty("");
    private final javafx.beans.property.ObjectProperty<java.util.Map<String, String>> handedOver =
            new javafx.beans.property.SimpleObjectProperty<>(java.util.Map.of());

    /** Follows {@code activeCall}: each new call sets the call id, caller number, IVR path and the call's customer. */
    public void followCall(ObservableValue<Call> activeCall) {
        activeCall.addListener((o, was, now) -> setCall(now));
        setCall(activeCall.getValue());
    }

    /** Takes the call's data; {@code null} (no call any more) keeps the last call, so an order can be written in wrap-up. */
    public void setCall(Call c) {
        if (c == null) {
            return;
        }
        callId.set(c.getCallId());
        callerNumber.set(c.getData().getCallerNumber());
        ivrChoice.set(String.join(" › ", c.getData().getIvrPathList()));
        if (!c.getData().getCustomerId().isEmpty()) {
            customerAccount.set(c.getData().getCustomerId());
        }
        java.util.Map<String, String> form = new java.util.TreeMap<>();
        c.getData().getValuesMap().forEach((k, v) -> {
            if (k.startsWith(WorkOrderFormViewModel.HAND_OVER)) {
                form.put(k, v);
            }
        });
        if (!form.isEmpty() && !form.equals(handedOver.get())) {
            handedOver.set(java.util.Map.copyOf(form));
        }
    }

    /** The customer the agent selected (account, address, district or grid area). */
    public void setCustomer(String account, String address, String area) {
        customerAccount.set(nz(account));
        customerAddress.set(nz(address));
        customerArea.set(nz(area));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The unsaved work order another agent handed over with this call ({@code wo.*} attached values). */
    public javafx.beans.property.ReadOnlyObjectProperty<java.util.Map<String, String>> handedOverProperty() {
        return handedOver;
    }

    public StringProperty callIdProperty() {
        return callId;
    }

    public StringProperty callerNumberProperty() {
        return callerNumber;
    }

    public StringProperty ivrChoiceProperty() {
        return ivrChoice;
    }

    public StringProperty customerAccountProperty() {
        return customerAccount;
    }

    public StringProperty customerAddressProperty() {
        return customerAddress;
    }

    public StringProperty customerAreaProperty() {
        return customerArea;
    }
}
