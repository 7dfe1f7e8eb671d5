package org.layerlab.nn.optimizers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "sgd", Set.of("momentum", "nesterov", "weight_decay"),
            "rmsprop", Set.of("rho", "momentum", "epsilon", "centered", "weight_decay"),
            "adagrad", Set.of("initial_accumulator_value", "epsilon", "weight_decay"),
            "adam", Set.of("beta_1", "beta_2", "epsilon", "weight_decay"),
            "adamw", Set.of("beta_1", "beta_2", "epsilon", "weight_decay"),
            "nadam", Set.of("beta_1", "beta_2", "epsilon", "weight_decay"));

    public OptimizerSpec {
        Checks.notNull("optimizer", "kind", kind);
        kind = kind.trim().toLowerCase(Locale.ROOT);
        Set<String> allowed = ALLOWED.get(kind);
        if (allowed == null) {
            throw new IllegalArgumentException("unknown optimizer '" + kind + "'; choose one of sgd, rmsprop, adagrad, adam, adamw, nadam");
        }
        Checks.notNull("optimizer", "learning rate", schedule);
        options = Map.copyOf(options == null ? Map.of() : options);
        for (Map.Entry<String, Double> e : options.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new IllegalArgumentException(kind + " has no option '" + e.getKey() + "'; its options are "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
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

    /** A fresh optimizer (no moments, step 0) with these settings. */
    public Optimizer create() {
        return build(kind, schedule, options, clipping);
    }

    private static Optimizer build(String kind, LearningRateSchedule schedule, Map<String, Double> options,
                                   GradientClipping clipping) {
        java.util.function.ToDoubleBiFunction<String, Double> opt = options::getOrDefault;
        // A warmup may start at rate 0; the constructors want a usable rate, and the schedule replaces it below.
        double lr = schedule.initial() > 0 ? schedule.initial() : 1e-3;
        Optimizer o = switch (kind) {
            case "sgd" -> new Sgd(lr, opt.applyAsDouble("momentum", 0.0), opt.applyAsDouble("nesterov", 0.0) != 0);
            case "rmsprop" -> new RmsProp(lr, opt.applyAsDouble("rho", 0.9), opt.applyAsDouble("momentum", 0.0), opt.applyAsDouble("epsilon", 1e-7),
                    opt.applyAsDouble("centered", 0.0) != 0);
            case "adagrad" -> new Adagrad(lr, opt.applyAsDouble("initial_accumulator_value", 0.1), opt.applyAsDouble("epsilon", 1e-7));
            case "adam" -> new Adam(lr, opt.applyAsDouble("beta_1", 0.9), opt.applyAsDouble("beta_2", 0.999), opt.applyAsDouble("epsilon", 1e-7));
            case "adamw" -> new AdamW(lr, opt.applyAsDouble("weight_decay", 0.004), opt.applyAsDouble("beta_1", 0.9), opt.applyAsDouble("beta_2", 0.999),
                    opt.applyAsDouble("epsilon", 1e-7));
            case "nadam" -> new Nadam(lr, opt.applyAsDouble("beta_1", 0.9), opt.applyAsDouble("beta_2", 0.999), opt.applyAsDouble("epsilon", 1e-7));
            default -> throw new IllegalStateException(kind);
        };
        if (!kind.equals("adamw") && options.containsKey("weight_decay")) {
            o.weightDecay(options.get("weight_decay"));
        }
        return o.schedule(schedule).clipping(clipping);
    }
}
