package org.layerlab.engine.ops;

/**
 * The error function in double precision (Java has none): a Taylor series near zero, a continued
 * fraction for erfc in the tails. Accurate to about 1e-14, which exact GELU and its check need.
 */
final class Erf {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955125739;

    private Erf() {
    }

    static double erf(double x) {
        double ax = Math.abs(x);
        if (ax < 2.5) {
            return series(x);
        }
        double r = 1 - erfcTail(ax);
        return x < 0 ? -r : r;
    }

    private static double series(double x) {
        // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 80; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * sum;
    }

    /** erfc(x) for x >= 2.5 by Lentz's continued fraction. */
    private static double erfcTail(double x) {
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int i = 1; i < 200; i++) {
            double a = i * 0.5;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(-x * x) / (f * Math.sqrt(Math.PI));
    }
}
