package org.layerlab.project;

import java.util.ArrayList;
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
import org.layerlab.nn.schedules.StepDecay;
import org.layerlab.training.EarlyStopping;
import org.layerlab.training.Metric;
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
        return o;
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
                default -> throw new JsonFields.FieldError(s.path("type"), "unknown schedule '" + type
                        + "'; choose constant, step_decay, exponential_decay or cosine_decay");
            };
        } else {
            schedule = new ConstantRate(opt.number("learning_rate", 0.001));
        }
        Map<String, Double> options = new LinkedHashMap<>();
        if (opt.has("options")) {
            JsonFields o = opt.object("options");
            for (String key : opt.raw("options").getAsJsonObject().keySet()) {
                options.put(key, o.number(key));
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
        return new TrainingConfig(t.integer("epochs", 10), t.integer("batch_size", 32), spec, loss, metrics,
                t.longValue("seed", 42), t.number("validation_split", 0), t.bool("shuffle", true), early);
    }
}
