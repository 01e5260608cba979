package lab.backprop.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import lab.backprop.train.Adam;
import lab.backprop.train.Momentum;
import lab.backprop.train.RmsProp;
import lab.backprop.train.TrainingSetup;
import lab.backprop.train.UpdateRule;

/**
 * The update rule, one group for the control bar: gradient descent (the seeds'), momentum, Nesterov, RMSprop or Adam,
 * with the chosen rule's hyper-parameters beside it (and only its own). A change starts the network afresh.
 */
public final class UpdateRuleChoice extends HBox {
    final ComboBox<UpdateRule> rule = new ComboBox<>();
    private final Map<String, TextField> fields = new LinkedHashMap<>();
    private final LabViewModel vm;
    private boolean syncing;

    public UpdateRuleChoice(LabViewModel vm) {
        super(8);
        this.vm = vm;
        setId("updateRuleGroup");
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("control-group");
        rule.setId("updateRuleChoice");
        rule.getItems().setAll(UpdateRule.known());
        rule.setConverter(new javafx.util.StringConverter<>() {
            @Override public String toString(UpdateRule r) { return r == null ? "" : label(r); }
            @Override public UpdateRule fromString(String t) { throw new UnsupportedOperationException(); }
        });
        rule.setTooltip(new Tooltip("How gradients change the weights: plain gradient descent (the seeds'), with momentum, or"
                + " with a step size per parameter (RMSprop, Adam); a change draws new weights"));
        rule.valueProperty().addListener((o, a, b) -> { if (!syncing && b != null) edit(b); });
        Label title = ControlBar.label("Update");
        title.setLabelFor(rule);
        getChildren().addAll(title, rule);
        for (String p : List.of("beta", "rho", "beta1", "beta2", "epsilon")) {
            TextField f = new TextField();
            f.setId("update-" + p);
            f.setPrefColumnCount(p.equals("epsilon") ? 5 : 4);
            f.setTooltip(new Tooltip(tip(p)));
            f.setOnAction(e -> edit(rule.getValue()));
            f.focusedProperty().addListener((o, was, now) -> { if (!now && !syncing) edit(rule.getValue()); });
            Label name = new Label(symbol(p));
            name.setLabelFor(f);
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox pair = new HBox(4, name, f);
            pair.setAlignment(Pos.CENTER_LEFT);
            pair.managedProperty().bind(pair.visibleProperty());
            f.setUserData(pair);
            fields.put(p, f);
            getChildren().add(pair);
        }
        for (var n : getChildren()) if (n instanceof Region r) r.setMinWidth(Region.USE_PREF_SIZE);
        vm.setupProperty().addListener((o, a, b) -> show(b));
        show(vm.setup());
    }

    private static String label(UpdateRule r) {
        return switch (r.name()) {
            case "gd" -> "gradient descent";
            case "nesterov" -> "Nesterov";
            case "rmsprop" -> "RMSprop";
            case "adam" -> "Adam";
            default -> r.name();
        };
    }

    private static String symbol(String p) {
        return switch (p) {
            case "beta" -> "β";
            case "rho" -> "ρ";
            case "beta1" -> "β1";
            case "beta2" -> "β2";
            default -> "ε";
        };
    }

    private static String tip(String p) {
        return switch (p) {
            case "beta" -> "Momentum's beta (0 to below 1): how much of the last step's velocity each step keeps";
            case "rho" -> "RMSprop's rho (0 to below 1): the decay of the running mean of squared gradients";
            case "beta1" -> "Adam's beta1 (0 to below 1): the decay of the running mean gradient";
            case "beta2" -> "Adam's beta2 (0 to below 1): the decay of the running mean squared gradient";
            default -> "epsilon (above 0): keeps the step finite where the squared gradients are 0";
        };
    }

    /** The hyper-parameters the rule has, in the fields' order. */
    private static List<String> parametersOf(UpdateRule r) {
        if (r instanceof Momentum) return List.of("beta");
        if (r instanceof RmsProp) return List.of("rho", "epsilon");
        if (r instanceof Adam) return List.of("beta1", "beta2", "epsilon");
        return List.of();
    }

    /**
     * Another kind of rule: it starts from its own values (its defaults, or a loaded session's); the same kind: the
     * typed hyper-parameters. A bad value is reported and nothing changes.
     */
    private void edit(UpdateRule chosen) {
        if (syncing || chosen == null) return;
        UpdateRule now = vm.setup().update();
        UpdateRule next = chosen;
        if (chosen.name().equals(now.name())) {
            Map<String, Double> given = new LinkedHashMap<>();
            for (String p : parametersOf(chosen)) {
                Double v = lab.backprop.support.Numbers.parse(fields.get(p).getText());
                if (v == null) {
                    vm.report(p + " must be a number, e.g. " + fields.get(p).getPromptText());
                    show(vm.setup());
                    return;
                }
                given.put(p, v);
            }
            try {
                next = UpdateRule.withParameters(chosen, given);
            } catch (IllegalArgumentException e) {
                vm.report(e.getMessage());
                show(vm.setup());
                return;
            }
        }
        if (next.equals(now)) return;
        UpdateRule chosenRule = next;
        String problem = vm.editSetup(s -> s.withUpdate(chosenRule));
        if (problem != null) vm.report(problem);
    }

    private void show(TrainingSetup s) {
        syncing = true;
        try {
            UpdateRule now = s.update();
            UpdateRule listed = rule.getItems().stream().filter(r -> r.name().equals(now.name())).findFirst().orElse(null);
            if (listed != null) {
                rule.getItems().set(rule.getItems().indexOf(listed), now); // the list holds the rule with its own values
                rule.setValue(now);
            }
            List<String> own = parametersOf(now);
            Map<String, Double> values = values(now);
            for (Map.Entry<String, TextField> e : fields.entrySet()) {
                boolean on = own.contains(e.getKey());
                ((HBox) e.getValue().getUserData()).setVisible(on);
                if (on) {
                    e.getValue().setText(lab.backprop.support.Numbers.plain(values.get(e.getKey())));
                    e.getValue().setPromptText(e.getValue().getText());
                }
            }
        } finally {
            syncing = false;
        }
    }

    private static Map<String, Double> values(UpdateRule r) {
        if (r instanceof Momentum m) return Map.of("beta", m.beta());
        if (r instanceof RmsProp p) return Map.of("rho", p.rho(), "epsilon", p.epsilon());
        if (r instanceof Adam a) return Map.of("beta1", a.beta1(), "beta2", a.beta2(), "epsilon", a.epsilon());
        return Map.of();
    }
}
