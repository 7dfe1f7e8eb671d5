package org.layerlab.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.layerlab.nn.Loss;
import org.layerlab.nn.optimizers.GradientClipping;
import org.layerlab.nn.optimizers.OptimizerSpec;
import org.layerlab.nn.schedules.ConstantRate;
import org.layerlab.nn.schedules.CosineDecay;
import org.layerlab.nn.schedules.ExponentialDecay;
import org.layerlab.nn.schedules.LearningRateSchedule;
import org.layerlab.nn.schedules.PiecewiseConstantDecay;
import org.layerlab.nn.schedules.PolynomialDecay;
import org.layerlab.nn.schedules.StepDecay;
import org.layerlab.training.EarlyStopping;
import org.layerlab.training.Metric;
import org.layerlab.training.ReduceLrOnPlateau;
import org.layerlab.training.TrainingConfig;

/** The "training" object of a project file, with Keras names (batch_size, learning_rate...). */
final class TrainingCodec {
    private TrainingCodec() {
    }

    static JsonObject encode(TrainingConfig t) {
        JsonObject o = new JsonObject();
        o.addProperty("epochs", t.epochs());
        o.addProperty("batch_size", t.batchSize());
        o.add("optimizer", optimizer(t.optimizer()));
        JsonObject loss = new JsonObject();
        loss.addProperty("name", t.loss().kind().kerasName());
        // Options at their defaults are left out, so files stay as short as what the user changed.
        for (Map.Entry<String, Double> e : t.loss().kind().defaults().entrySet()) {
            double v = t.loss().option(e.getKey());
            if (v != e.getValue()) {
                if (Loss.isSwitch(e.getKey())) {
                    loss.addProperty(e.getKey(), v != 0);
                } else {
                    loss.addProperty(e.getKey(), v);
                }
            }
        }
        if (t.loss().fromLogits()) {
            loss.addProperty("from_logits", true);
        }
        o.add("loss", loss);
        JsonArray metrics = new JsonArray();
        t.metrics().forEach(m -> metrics.add(m.key()));
        o.add("metrics", metrics);
        o.addProperty("seed", t.seed());
        o.addProperty("validation_split", t.validationSplit());
        o.addProperty("shuffle", t.shuffle());
        if (t.earlyStopping() != null) {
            EarlyStopping e = t.earlyStopping();
            JsonObject es = new JsonObject();
            es.addProperty("monitor", e.monitor());
            es.addProperty("patience", e.patience());
            es.addProperty("min_delta", e.minDelta());
            es.addProperty("restore_best_weights", e.restoreBestWeights());
            o.add("early_stopping", es);
        }
        if (t.reduceLrOnPlateau() != null) {
            ReduceLrOnPlateau r = t.reduceLrOnPlateau();
            JsonObject rp = new JsonObject();
            rp.addProperty("monitor", r.monitor());
            rp.addProperty("factor", r.factor());
            rp.addProperty("patience", r.patience());
            rp.addProperty("min_delta", r.minDelta());
            rp.addProperty("cooldown", r.cooldown());
            rp.addProperty("min_lr", r.minLr());
            o.add("reduce_lr_on_plateau", rp);
        }
        return o;
    }

    private static PiecewiseConstantDecay piecewise(JsonFields s) {
        List<JsonElement> b = s.list("boundaries");
        List<JsonElement> v = s.list("values");
        long[] bounds = new long[b.size()];
        double[] values = new double[v.size()];
        for (int i = 0; i < bounds.length; i++) {
            if (!b.get(i).isJsonPrimitive() || !b.get(i).getAsJsonPrimitive().isNumber()) {
                throw new JsonFields.FieldError(s.path("boundaries") + "[" + i + "]", "expected a step number");
            }
            bounds[i] = b.get(i).getAsLong();
        }
        for (int i = 0; i < values.length; i++) {
            if (!v.get(i).isJsonPrimitive() || !v.get(i).getAsJsonPrimitive().isNumber()) {
                throw new JsonFields.FieldError(s.path("values") + "[" + i + "]", "expected a learning rate");
            }
            values[i] = v.get(i).getAsDouble();
        }
        try {
            return new PiecewiseConstantDecay(bounds, values);
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(s.path("values"), e.getMessage());
        }
    }

    private static JsonObject optimizer(OptimizerSpec s) {
        JsonObject o = new JsonObject();
        o.addProperty("name", s.kind());
        LearningRateSchedule sch = s.schedule();
        if (sch instanceof ConstantRate c) {
            o.addProperty("learning_rate", c.rate());
        } else {
            JsonObject j = new JsonObject();
            if (sch instanceof StepDecay d) {
                j.addProperty("type", "step_decay");
                j.addProperty("initial_learning_rate", d.initialRate());
                j.addProperty("factor", d.factor());
                j.addProperty("step_size", d.stepSize());
            } else if (sch instanceof ExponentialDecay d) {
                j.addProperty("type", "exponential_decay");
                j.addProperty("initial_learning_rate", d.initialRate());
                j.addProperty("decay_steps", d.decaySteps());
                j.addProperty("decay_rate", d.decayRate());
                j.addProperty("staircase", d.staircase());
            } else if (sch instanceof CosineDecay d) {
                j.addProperty("type", "cosine_decay");
                j.addProperty("initial_learning_rate", d.initialRate());
                j.addProperty("decay_steps", d.decaySteps());
                j.addProperty("alpha", d.alpha());
                j.addProperty("warmup_steps", d.warmupSteps());
                j.addProperty("warmup_target", d.warmupTarget());
            } else if (sch instanceof PiecewiseConstantDecay d) {
                j.addProperty("type", "piecewise_constant_decay");
                JsonArray b = new JsonArray();
                Arrays.stream(d.boundaries()).forEach(b::add);
                JsonArray v = new JsonArray();
                Arrays.stream(d.values()).forEach(v::add);
                j.add("boundaries", b);
                j.add("values", v);
            } else if (sch instanceof PolynomialDecay d) {
                j.addProperty("type", "polynomial_decay");
                j.addProperty("initial_learning_rate", d.initialRate());
                j.addProperty("decay_steps", d.decaySteps());
                j.addProperty("end_learning_rate", d.endRate());
                j.addProperty("power", d.power());
                j.addProperty("cycle", d.cycle());
            }
            o.add("learning_rate", j);
        }
        JsonObject opts = new JsonObject();
        new TreeMap<>(s.options()).forEach(opts::addProperty);
        o.add("options", opts);
        if (s.clipping().globalNorm() > 0) {
            o.addProperty("global_clipnorm", s.clipping().globalNorm());
        }
        if (s.clipping().value() > 0) {
            o.addProperty("clipvalue", s.clipping().value());
        }
        return o;
    }

    static TrainingConfig decode(JsonFields t) {
        JsonFields opt = t.object("optimizer");
        LearningRateSchedule schedule;
        JsonElement lr = opt.raw("learning_rate");
        if (lr != null && lr.isJsonObject()) {
            JsonFields s = opt.object("learning_rate");
            String type = s.string("type");
            schedule = switch (type) {
                case "constant" -> new ConstantRate(s.number("learning_rate"));
                case "step_decay" -> new StepDecay(s.number("initial_learning_rate"), s.number("factor"),
                        s.longValue("step_size", 1000));
                case "exponential_decay" -> new ExponentialDecay(s.number("initial_learning_rate"),
                        s.longValue("decay_steps", 1000), s.number("decay_rate"), s.bool("staircase", false));
                case "cosine_decay" -> new CosineDecay(s.number("initial_learning_rate"), s.longValue("decay_steps", 1000),
                        s.number("alpha", 0), s.longValue("warmup_steps", 0), s.number("warmup_target", 0));
                case "piecewise_constant_decay" -> piecewise(s);
                case "polynomial_decay" -> new PolynomialDecay(s.number("initial_learning_rate"),
                        s.longValue("decay_steps", 1000), s.number("end_learning_rate", 1e-4), s.number("power", 1),
                        s.bool("cycle", false));
                default -> throw new JsonFields.FieldError(s.path("type"), "unknown schedule '" + type
                        + "'; choose constant, step_decay, exponential_decay, cosine_decay, piecewise_constant_decay"
                        + " or polynomial_decay");
            };
        } else {
            schedule = new ConstantRate(opt.number("learning_rate", 0.001));
        }
        Map<String, Double> options = new LinkedHashMap<>();
        if (opt.has("options")) {
            JsonFields o = opt.object("options");
            for (String key : opt.raw("options").getAsJsonObject().keySet()) {
                // Switches may be written as Keras writes them, true/false, or as 1/0.
                JsonElement v = o.raw(key);
                boolean flag = v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean();
                options.put(key, flag ? (v.getAsBoolean() ? 1.0 : 0.0) : o.number(key));
            }
        }
        OptimizerSpec spec = new OptimizerSpec(opt.string("name", "adam"), schedule, options,
                new GradientClipping(opt.number("global_clipnorm", 0), opt.number("clipvalue", 0)));
        JsonFields l = t.object("loss");
        Loss base = Loss.parse(l.string("name"));
        Map<String, Double> lossOptions = new LinkedHashMap<>();
        for (String option : base.kind().defaults().keySet()) {
            if (l.has(option)) {
                lossOptions.put(option, Loss.isSwitch(option) ? (l.bool(option, false) ? 1.0 : 0.0) : l.number(option));
            }
        }
        Loss loss;
        try {
            loss = new Loss(base.kind(), lossOptions, l.bool("from_logits", false));
        } catch (IllegalArgumentException e) {
            throw new JsonFields.FieldError(l.path("name"), e.getMessage());
        }
        List<Metric> metrics = new ArrayList<>();
        List<JsonElement> ms = t.list("metrics");
        for (int i = 0; i < ms.size(); i++) {
            JsonElement m = ms.get(i);
            if (!m.isJsonPrimitive()) {
                throw new JsonFields.FieldError(t.path("metrics") + "[" + i + "]", "expected a metric name");
            }
            metrics.add(Metric.parse(m.getAsString()));
        }
        EarlyStopping early = null;
        if (t.has("early_stopping")) {
            JsonFields e = t.object("early_stopping");
            early = new EarlyStopping(e.string("monitor", "val_loss"), e.integer("patience", 5), e.number("min_delta", 0),
                    e.bool("restore_best_weights", true));
        }
        ReduceLrOnPlateau plateau = null;
        if (t.has("reduce_lr_on_plateau")) {
            JsonFields r = t.object("reduce_lr_on_plateau");
            ReduceLrOnPlateau d = ReduceLrOnPlateau.defaults();
            try {
                plateau = new ReduceLrOnPlateau(r.string("monitor", d.monitor()), r.number("factor", d.factor()),
                        r.integer("patience", d.patience()), r.number("min_delta", d.minDelta()),
                        r.integer("cooldown", d.cooldown()), r.number("min_lr", d.minLr()));
            } catch (IllegalArgumentException e) {
                throw new JsonFields.FieldError(t.path("reduce_lr_on_plateau"), e.getMessage());
            }
        }
        return new TrainingConfig(t.integer("epochs", 10), t.integer("batch_size", 32), spec, loss, metrics,
                t.longValue("seed", 42), t.number("validation_split", 0), t.bool("shuffle", true), early, plateau);
    }
}
