package org.layerlab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positional values and --name value / --flag options, checked against what a command knows. */
public final class Args {
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new LinkedHashMap<>();
    /** Every value of an option given more than once (--param a=1 --param b=2), in order. */
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();

    public Args(List<String> args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (flags.contains(name) && value == null) {
                    options.put(name, "true");
                } else if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UserError("--" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    options.put(name, value);
                    repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    List<String> known = new ArrayList<>();
                    valued.forEach(v -> known.add("--" + v + " VALUE"));
                    flags.forEach(f -> known.add("--" + f));
                    throw new UserError("unknown option --" + name + (known.isEmpty() ? "" : "; options: " + String.join(", ", known)));
                }
            } else {
                positional.add(a);
            }
        }
    }

    public List<String> positional() {
        return positional;
    }

    /** All values of a valued option, in the order given; empty when absent. */
    public List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    public int intValue(String name, int fallback) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UserError("--" + name + " must be a positive whole number, not '" + v + "'");
        }
    }
}
