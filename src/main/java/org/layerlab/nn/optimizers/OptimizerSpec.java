package org.layerlab.nn.optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import org.layerlab.nn.Checks;
import org.layerlab.nn.schedules.ConstantRate;
import org.layerlab.nn.schedules.LearningRateSchedule;

/**
 * An optimizer as configured (what a project saves and a settings panel edits), immutable; {@link
 * #create} makes the stateful {@link Optimizer}. Options use Keras names: momentum, nesterov, rho,
 * centered, epsilon, beta_1, beta_2, weight_decay, initial_accumulator_value. Booleans are 0 or 1.
 */
public record OptimizerSpec(String kind, LearningRateSchedule schedule, Map<String, Double> options,
                            GradientClipping clipping) {
    /** Each optimizer's options with the Keras defaults, in the order a settings panel lists them. */
    private static final Map<String, Map<String, Double>> DEFAULTS = Map.of(
            "sgd", ordered("momentum", 0.0, "nesterov", 0.0, "weight_decay", 0.0),
            "rmsprop", ordered("rho", 0.9, "momentum", 0.0, "epsilon", 1e-7, "centered", 0.0, "weight_decay", 0.0),
            "adagrad", ordered("initial_accumulator_value", 0.1, "epsilon", 1e-7, "weight_decay", 0.0),
            "adam", ordered("beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7, "amsgrad", 0.0, "weight_decay", 0.0),
            "adamw", ordered("beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7, "amsgrad", 0.0, "weight_decay", 0.004),
            "nadam", ordered("beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7, "weight_decay", 0.0),
            "adamax", ordered("beta_1", 0.9, "beta_2", 0.999, "epsilon", 1e-7, "weight_decay", 0.0),
            "adadelta", ordered("rho", 0.95, "epsilon", 1e-7, "weight_decay", 0.0),
            "lion", ordered("beta_1", 0.9, "beta_2", 0.99, "weight_decay", 0.0));
    /** The options that are switches (0 or 1), shown as check boxes. */
    private static final Set<String> SWITCHES = Set.of("nesterov", "centered", "amsgrad");
    /** The optimizer kinds, in the order a choice lists them. */
    public static final List<String> KINDS = List.of("sgd", "rmsprop", "adagrad", "adadelta", "adam", "adamw", "adamax",
            "nadam", "lion");

    public OptimizerSpec {
        Checks.notNull("optimizer", "kind", kind);
        kind = kind.trim().toLowerCase(Locale.ROOT);
        Map<String, Double> defaults = defaults(kind);
        Checks.notNull("optimizer", "learning rate", schedule);
        options = Map.copyOf(options == null ? Map.of() : options);
        for (Map.Entry<String, Double> e : options.entrySet()) {
            if (!defaults.containsKey(e.getKey())) {
                throw new IllegalArgumentException(kind + " has no option '" + e.getKey() + "'; its options are "
                        + String.join(", ", new TreeSet<>(defaults.keySet())));
            }
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException(kind + ": option " + e.getKey() + " must be a finite number. Received: "
                        + e.getValue());
            }
        }
        clipping = clipping == null ? GradientClipping.NONE : clipping;
        // Building once checks every option's range now, where the user set it, not at training time.
        build(kind, schedule, options, clipping);
    }

    private static Map<String, Double> ordered(Object... nameValue) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            m.put((String) nameValue[i], (Double) nameValue[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    public static OptimizerSpec of(String kind, double learningRate) {
        return new OptimizerSpec(kind, new ConstantRate(learningRate), Map.of(), GradientClipping.NONE);
    }

    public OptimizerSpec with(String option, double value) {
        Map<String, Double> o = new LinkedHashMap<>(options);
        o.put(option, value);
        return new OptimizerSpec(kind, schedule, o, clipping);
    }

    public OptimizerSpec withSchedule(LearningRateSchedule s) {
        return new OptimizerSpec(kind, s, options, clipping);
    }

    public OptimizerSpec withClipping(GradientClipping c) {
        return new OptimizerSpec(kind, schedule, options, c);
    }

    /** The options this kind of optimizer takes, each with its default, in display order. */
    public static Map<String, Double> defaults(String kind) {
        Map<String, Double> d = DEFAULTS.get(kind);
        if (d == null) {
            throw new IllegalArgumentException("unknown optimizer '" + kind + "'; choose one of " + String.join(", ", KINDS));
        }
        return d;
    }

    /** Whether an option is a switch (0 or 1) rather than a number. */
    public static boolean isSwitch(String option) {
        return SWITCHES.contains(option);
    }

    /** The value of an option: as set, or this kind's default. */
    public double option(String name) {
        Double v = options.get(name);
        return v != null ? v : defaults(kind).get(name);
    }

    /**
     * The same settings with another kind of optimizer: the options the new kind also takes
     * (weight decay, epsilon, momentum...) are kept, the others dropped.
     */
    public OptimizerSpec withKind(String newKind) {
        Map<String, Double> keep = new LinkedHashMap<>(options);
        keep.keySet().retainAll(defaults(newKind.trim().toLowerCase(Locale.ROOT)).keySet());
        return new OptimizerSpec(newKind, schedule, keep, clipping);
    }

    /** A fresh optimizer (no moments, step 0) with these settings. */
    public Optimizer create() {
        return build(kind, schedule, options, clipping);
    }

    private static Optimizer build(String kind, LearningRateSchedule schedule, Map<String, Double> options,
                                   GradientClipping clipping) {
        Map<String, Double> defaults = DEFAULTS.get(kind);
        ToDoubleFunction<String> opt = name -> options.getOrDefault(name, defaults.get(name));
        // A warmup may start at rate 0; the constructors want a usable rate, and the schedule replaces it below.
        double lr = schedule.initial() > 0 ? schedule.initial() : 1e-3;
        Optimizer o = switch (kind) {
            case "sgd" -> new Sgd(lr, opt.applyAsDouble("momentum"), opt.applyAsDouble("nesterov") != 0);
            case "rmsprop" -> new RmsProp(lr, opt.applyAsDouble("rho"), opt.applyAsDouble("momentum"), opt.applyAsDouble("epsilon"),
                    opt.applyAsDouble("centered") != 0);
            case "adagrad" -> new Adagrad(lr, opt.applyAsDouble("initial_accumulator_value"), opt.applyAsDouble("epsilon"));
            case "adam" -> new Adam(lr, opt.applyAsDouble("beta_1"), opt.applyAsDouble("beta_2"), opt.applyAsDouble("epsilon"),
                    opt.applyAsDouble("amsgrad") != 0);
            case "adamw" -> new AdamW(lr, opt.applyAsDouble("weight_decay"), opt.applyAsDouble("beta_1"), opt.applyAsDouble("beta_2"),
                    opt.applyAsDouble("epsilon"), opt.applyAsDouble("amsgrad") != 0);
            case "adamax" -> new Adamax(lr, opt.applyAsDouble("beta_1"), opt.applyAsDouble("beta_2"), opt.applyAsDouble("epsilon"));
            case "adadelta" -> new Adadelta(lr, opt.applyAsDouble("rho"), opt.applyAsDouble("epsilon"));
            case "lion" -> new Lion(lr, opt.applyAsDouble("beta_1"), opt.applyAsDouble("beta_2"));
            case "nadam" -> new Nadam(lr, opt.applyAsDouble("beta_1"), opt.applyAsDouble("beta_2"), opt.applyAsDouble("epsilon"));
            default -> throw new IllegalStateException(kind);
        };
        if (!kind.equals("adamw")) {
            o.weightDecay(opt.applyAsDouble("weight_decay"));
        }
        return o.schedule(schedule).clipping(clipping);
    }
}
