package org.layerlab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;

import org.layerlab.nn.Loss;
import org.layerlab.nn.Regularizer;
import org.layerlab.training.LayerMath;

/**
 * The math view's formulas as TeX, in the notation of the course (y = f(Wx + b), δ, η), each
 * first in symbols and then with the layer's numbers substituted for a slice ("\dots" for the
 * rest, whose count is said). No JavaFX: the strings are tested, {@link Tex} typesets them.
 */
final class MathFormulas {
    /** One block of the view: a heading, the formula and a sentence saying what it means. */
    record Section(String title, String tex, String caption) {
    }

    /** Where a block's formula breaks into lines, each typeset on its own (JLaTeXMath has no spaced line breaks). */
    static final String LINE = "\n";

    /** Terms shown before "\dots" in a sum. */
    static final int SHOWN = 3;

    private MathFormulas() {
    }

    static List<Section> dense(LayerMath.DenseTerms d, boolean fusedOutput) {
        return dense(d, fusedOutput, SHOWN);
    }

    /** terms: how many of the sum's terms to write out before the dots. */
    static List<Section> dense(LayerMath.DenseTerms d, boolean fusedOutput, int terms) {
        int j = d.busiestUnit();
        int i = busiestInput(d, j);
        String f = fn(d.activation());
        List<Section> out = new ArrayList<>();
        StringBuilder sum = new StringBuilder();
        int n = Math.min(terms, d.in());
        for (int k = 0; k < n; k++) {
            sum.append(k == 0 ? "" : " + ").append(Tex.factor(d.x()[k])).append("\\cdot").append(Tex.factor(d.w(k, j)));
        }
        if (d.in() > n) {
            sum.append(" + \\dots");
        }
        String bias = d.b() == null ? "" : " + " + Tex.factor(d.b()[j]);
        out.add(new Section("Forward: unit " + (j + 1) + " of " + d.units(),
                "z_{" + (j + 1) + "} = \\sum_{i=1}^{" + d.in() + "} x_i W_{i," + (j + 1) + "}" + (d.b() == null ? "" : " + b_{" + (j + 1) + "}")
                        + " = " + sum + bias + " = " + Tex.num(d.z(j)) + LINE + output(d, j, f, fusedOutput),
                "Each unit weighs every input (" + d.in() + " here" + (d.in() > n ? ", the first " + n + " shown" : "")
                        + "), adds its bias and passes the sum through " + d.activation() + ". Shown: the unit this sample"
                        + " moves most."));
        String delta = fusedOutput
                ? "\\delta_{" + (j + 1) + "} = \\hat{y}_{" + (j + 1) + "} - y_{" + (j + 1) + "} = " + Tex.num(d.delta()[j])
                : "\\delta_{" + (j + 1) + "} = \\frac{\\partial L}{\\partial y_{" + (j + 1) + "}}\\, " + f + "'(z_{" + (j + 1)
                        + "}) = " + Tex.num(d.delta()[j]);
        Regularizer reg = d.regularizer();
        double w = d.w(i, j);
        String penaltyTerm = reg == null || reg.isNone() ? "" : " + \\frac{\\partial R}{\\partial W_{" + (i + 1) + ","
                + (j + 1) + "}}";
        String penaltyValue = reg == null || reg.isNone() ? "" : " + " + Tex.factor(reg.gradient(w));
        String backward = delta + LINE + "\\frac{\\partial L}{\\partial W_{" + (i + 1) + "," + (j + 1) + "}} = x_{" + (i + 1)
                + "}\\,\\delta_{" + (j + 1) + "}" + penaltyTerm + " = " + Tex.factor(d.x()[i]) + "\\cdot"
                + Tex.factor(d.delta()[j]) + penaltyValue + " = " + Tex.num(d.dw()[i * d.units() + j])
                + (d.b() == null ? "" : "\\qquad \\frac{\\partial L}{\\partial b_{" + (j + 1) + "}} = \\delta_{" + (j + 1) + "} = "
                + Tex.num(d.delta()[j]))
                + (d.dx() == null ? "" : LINE + "\\frac{\\partial L}{\\partial x_{" + (i + 1) + "}} = \\sum_{j=1}^{" + d.units()
                + "} W_{" + (i + 1) + ",j}\\,\\delta_j = " + Tex.num(d.dx()[i]));
        out.add(new Section("Backward", backward, (fusedOutput
                ? "At the output, softmax and cross-entropy together give δ = ŷ − y: the predicted probability less the"
                + " true one. "
                : "δ is the gradient arriving from the layer above times the slope of " + d.activation() + " at z. ")
                + "A weight's gradient is its input times δ; the input's gradient, passed down, is the weights times δ."));
        if (reg != null && !reg.isNone()) {
            double all = reg.penalty(d.w(), d.w().length);
            out.add(new Section("Regularization (" + reg.kerasName() + ")",
                    "R = " + (reg.l1() > 0 ? Tex.num(reg.l1()) + "\\sum |W|" : "") + (reg.l1() > 0 && reg.l2() > 0 ? " + " : "")
                            + (reg.l2() > 0 ? Tex.num(reg.l2()) + "\\sum W^2" : "") + " = " + Tex.num(all)
                            + LINE + "\\frac{\\partial R}{\\partial W_{" + (i + 1) + "," + (j + 1) + "}} = "
                            + (reg.l1() > 0 ? Tex.num(reg.l1()) + "\\,\\mathrm{sign}(w)" : "")
                            + (reg.l1() > 0 && reg.l2() > 0 ? " + " : "") + (reg.l2() > 0 ? "2\\cdot" + Tex.num(reg.l2())
                            + "\\,w" : "") + " = " + Tex.num(reg.gradient(w)),
                    "The kernel's penalty is added to the loss (and so to every weight's gradient): it pulls the weights"
                            + " toward zero, by a constant (l1) or in proportion to their size (l2)."));
        }
        return out;
    }

    /** The input whose weight to unit j this sample moves most (|xᵢ·δⱼ|, the data's part of the gradient). */
    static int busiestInput(LayerMath.DenseTerms d, int j) {
        int best = 0;
        for (int i = 1; i < d.in(); i++) {
            if (Math.abs(d.x()[i]) > Math.abs(d.x()[best])) {
                best = i;
            }
        }
        return best;
    }

    /** yⱼ = f(zⱼ); softmax, a function of the whole vector, written as one; the output layer's as ŷ (the prediction). */
    private static String output(LayerMath.DenseTerms d, int j, String f, boolean prediction) {
        String y = (prediction ? "\\hat{y}_{" : "y_{") + (j + 1) + "}";
        if (d.activation().equals("softmax")) {
            return y + " = \\frac{e^{z_{" + (j + 1) + "}}}{\\sum_{k=1}^{" + d.units() + "} e^{z_k}} = \\frac{e^{" + Tex.num(d.z(j))
                    + "}}{\\sum_k e^{z_k}} = " + Tex.num(d.y()[j]);
        }
        return y + " = " + f + "(z_{" + (j + 1) + "}) = " + f + "(" + Tex.num(d.z(j)) + ") = " + Tex.num(d.y()[j]);
    }

    static List<Section> conv(LayerMath.ConvTerms c) {
        String f = fn(c.activation());
        String at = "_{" + (c.row() + 1) + "," + (c.col() + 1) + "," + (c.filter() + 1) + "}";
        List<Section> out = new ArrayList<>();
        String f1 = Integer.toString(c.filter() + 1);
        String window = "X^{(" + (c.row() + 1) + "," + (c.col() + 1) + ")}";
        out.add(new Section("Forward: filter " + f1 + " at row " + (c.row() + 1) + ", column " + (c.col() + 1),
                "z" + at + " = \\sum_{u,v,c} " + window + "_{u,v,c}\\; K_{u,v,c," + f1 + "} + b_{" + f1 + "}"
                        + LINE + "= \\sum " + matrix(c.patch(), c.kh(), c.kw(), c.channels()) + "\\odot"
                        + matrix(c.kernel(), c.kh(), c.kw(), c.channels())
                        + (c.channels() > 1 ? "\\;(+\\," + (c.channels() - 1) + "\\text{ more channels})" : "")
                        + " + " + Tex.factor(c.bias()) + " = " + Tex.num(c.z())
                        + LINE + "y" + at + " = " + f + "(" + Tex.num(c.z()) + ") = " + Tex.num(c.y()),
                "X is the input window under the kernel at this output position" + (c.strideH() > 1 || c.strideW() > 1
                        ? " (the kernel moves " + c.strideH() + " rows, " + c.strideW() + " columns at a time)" : "")
                        + (c.padTop() > 0 || c.padLeft() > 0 ? ", zero where the padding reaches outside the input" : "")
                        + ". The filter's " + c.kh() + "×" + c.kw() + " kernel multiplies it element by element"
                        + (c.channels() > 1 ? " (channel 1 shown of " + c.channels() + ")" : "")
                        + "; the sum plus the bias goes through " + c.activation() + ". Shown: where this filter's gradient"
                        + " is largest."));
        out.add(new Section("Backward",
                "\\delta" + at + " = \\frac{\\partial L}{\\partial y" + at + "}\\, " + f + "'(z" + at + ") = "
                        + Tex.num(c.delta())
                        + LINE + "\\frac{\\partial L}{\\partial K_{1,1,1," + f1 + "}} = \\sum_{r,s} \\delta_{r,s," + f1
                        + "}\\; X^{(r,s)}_{1,1,1} = " + Tex.num(c.dKernel()[0]) + "\\qquad (\\text{this position adds } "
                        + Tex.factor(c.delta()) + "\\cdot" + Tex.factor(c.patch()[0]) + ")",
                "A kernel weight is used at every position, so its gradient sums δ times the input it met over all"
                        + " positions; this position's share is shown beside the total."));
        return out;
    }

    /** The loss of this sample: the formula of its kind with the output and the target, plus the penalties if any. */
    static Section loss(LayerMath.LossTerms l, java.util.List<String> classes) {
        String pen = l.penalty() > 0 ? " + R" : "";
        String penValue = l.penalty() > 0 ? " + " + Tex.num(l.penalty()) : "";
        String tex;
        String caption;
        float[] out = l.output();
        if (l.kind() == Loss.Kind.SPARSE_CATEGORICAL_CROSSENTROPY || l.kind() == Loss.Kind.CATEGORICAL_CROSSENTROPY) {
            int c = (int) l.target()[0];
            if (l.kind() == Loss.Kind.CATEGORICAL_CROSSENTROPY && l.target().length > 1) {
                c = 0;
                for (int k = 1; k < l.target().length; k++) {
                    c = l.target()[k] > l.target()[c] ? k : c;
                }
            }
            String name = c < classes.size() ? classes.get(c) : "class " + (c + 1);
            tex = "L = -\\sum_k y_k \\log \\hat{y}_k" + pen + " = -\\log \\hat{y}_{" + (c + 1) + "}" + pen + " = -\\log("
                    + Tex.num(out[c]) + ")" + penValue + " = " + Tex.num(l.total());
            caption = "Cross-entropy: y is 1 for the true class (" + name + ") and 0 elsewhere, so the loss is minus the log"
                    + " of the probability the network gives it (label smoothing, if set, spreads y a little).";
        } else if (l.kind() == Loss.Kind.BINARY_CROSSENTROPY) {
            double y = l.target()[0];
            tex = "L = -\\left[y \\log \\hat{y} + (1-y)\\log(1-\\hat{y})\\right]" + pen + ",\\quad y = " + Tex.num(y)
                    + ",\\ \\hat{y} = " + Tex.num(out[0]) + penValue + "\\ \\Rightarrow\\ L = " + Tex.num(l.total());
            caption = "Binary cross-entropy: minus the log of the probability the network gives the true answer.";
        } else if (l.kind() == Loss.Kind.MEAN_SQUARED_ERROR || l.kind() == Loss.Kind.MEAN_ABSOLUTE_ERROR) {
            boolean sq = l.kind() == Loss.Kind.MEAN_SQUARED_ERROR;
            StringBuilder terms = new StringBuilder();
            int n = Math.min(out.length, l.target().length);
            for (int k = 0; k < Math.min(n, SHOWN); k++) {
                terms.append(k == 0 ? "" : " + ").append(sq ? "(" : "|").append(Tex.num(l.target()[k])).append(" - ")
                        .append(Tex.factor(out[k])).append(sq ? ")^2" : "|");
            }
            tex = "L = \\frac{1}{" + n + "}\\sum_k " + (sq ? "(y_k - \\hat{y}_k)^2" : "|y_k - \\hat{y}_k|") + pen + " = \\frac{1}{"
                    + n + "}\\left(" + terms + (n > SHOWN ? " + \\dots" : "") + "\\right)" + penValue + " = " + Tex.num(l.total());
            caption = (sq ? "Mean squared error" : "Mean absolute error") + ": the target less the prediction, "
                    + (sq ? "squared" : "in size") + ", averaged over the outputs.";
        } else {
            tex = "L = " + Tex.num(l.total());
            caption = l.kind().kerasName() + " of this sample.";
        }
        return new Section("Loss (" + l.kind().kerasName() + ")", tex, caption
                + (l.penalty() > 0 ? " R is the weights' penalty (" + Tex.num(l.penalty()) + ")." : ""));
    }

    /** The first channel of a kh × kw × channels block as a matrix. */
    private static String matrix(float[] v, int kh, int kw, int channels) {
        StringBuilder s = new StringBuilder("\\begin{bmatrix}");
        for (int u = 0; u < kh; u++) {
            for (int w = 0; w < kw; w++) {
                s.append(w == 0 ? "" : " & ").append(Tex.num(v[(u * kw + w) * channels]));
            }
            s.append(u + 1 < kh ? " \\\\ " : "");
        }
        return s.append("\\end{bmatrix}").toString();
    }

    /** The optimizer's next step for one weight: Adam (and its kin) with its moments, SGD as it is, others by their result. */
    static Section update(LayerMath.Update u, String weight, double beta1, double beta2, double epsilon) {
        String w = "the weight " + weight.replace("_{", "[").replace("}", "]");
        String t = Long.toString(u.step());
        if (u.kind().equals("Adam") && u.slotsAfter().length == 2) {
            double m = u.slotsAfter()[0];
            double v = u.slotsAfter()[1];
            return new Section("Update: " + u.kind() + ", step " + t + ", " + w,
                    "w = " + weight + " = " + Tex.num(u.weight()) + ",\\qquad g = \\frac{\\partial L}{\\partial w} = "
                            + Tex.num(u.gradient())
                            + LINE + "m_t = \\beta_1 m_{t-1} + (1-\\beta_1)\\,g = " + Tex.num(beta1) + "\\cdot"
                            + Tex.factor(u.slotsBefore()[0]) + " + " + Tex.num(1 - beta1) + "\\cdot" + Tex.factor(u.gradient())
                            + " = " + Tex.num(m)
                            + LINE + "v_t = \\beta_2 v_{t-1} + (1-\\beta_2)\\,g^2 = " + Tex.num(beta2) + "\\cdot"
                            + Tex.factor(u.slotsBefore()[1]) + " + " + Tex.num(1 - beta2) + "\\cdot" + Tex.factor(u.gradient())
                            + "^2 = " + Tex.num(v)
                            + LINE + "\\Delta w = -\\eta\\,\\frac{\\sqrt{1-\\beta_2^{\\,t}}}{1-\\beta_1^{\\,t}}\\;\\frac{m_t}{\\sqrt{v_t}"
                            + " + \\epsilon} = -" + Tex.num(u.rate()) + "\\cdot\\frac{\\sqrt{1-" + Tex.num(beta2) + "^{" + t + "}}}{1-"
                            + Tex.num(beta1) + "^{" + t + "}}\\cdot\\frac{" + Tex.num(m) + "}{\\sqrt{" + Tex.num(v) + "} + "
                            + Tex.num(epsilon) + "} = " + Tex.num(u.change()),
                    "Adam keeps a running mean of the gradient (m) and of its square (v); the step is the rate times m over"
                            + " √v, corrected for the moments starting at zero (Keras' form, with ε outside the correction)."
                            + " The weight goes from " + Tex.num(u.weight()) + " to " + Tex.num(u.after()) + ".");
        }
        if (u.kind().equals("SGD") && u.slotsAfter().length == 0) {
            return new Section("Update: SGD, step " + t + ", " + w,
                    "\\Delta w = -\\eta\\,\\frac{\\partial L}{\\partial w} = -" + Tex.num(u.rate()) + "\\cdot" + Tex.factor(u.gradient())
                            + " = " + Tex.num(u.change()),
                    "Plain gradient descent: the weight moves against its gradient, by the learning rate.");
        }
        return new Section("Update: " + u.kind() + ", step " + t + ", " + w,
                "g = " + Tex.num(u.gradient()) + "\\qquad \\Delta w = " + Tex.num(u.change()) + "\\qquad w: " + Tex.num(u.weight())
                        + " \\rightarrow " + Tex.num(u.after()),
                u.kind() + " with its state as the last run left it; its own formula is in the palette's help.");
    }

    private static String fn(String activation) {
        return "\\mathrm{" + activation.replace("_", "\\_") + "}";
    }
}
