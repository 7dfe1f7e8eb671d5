package org.layerlab.training.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What differs between two runs' settings and networks: each setting with both values (absent
 * on one side: that layer or option exists only on the other), and the layers added, removed
 * or changed (by node id), for the diff view and the canvas highlight.
 */
public record RunDiff(List<Change> changes, List<String> addedLayers, List<String> removedLayers,
                      List<String> changedLayers) {
    /** One setting; a or b is null when that side does not have it. */
    public record Change(String key, String a, String b) {
    }

    public static RunDiff of(Run a, Run b) {
        TreeSet<String> keys = new TreeSet<>(a.settings().keySet());
        keys.addAll(b.settings().keySet());
        List<Change> changes = new ArrayList<>();
        for (String k : keys) {
            String x = a.settings().get(k);
            String y = b.settings().get(k);
            if (x == null ? y != null : !x.equals(y)) {
                changes.add(new Change(k, x, y));
            }
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        b.graph().nodes().forEach(n -> {
            var before = a.graph().node(n.id());
            if (before.isEmpty()) {
                added.add(n.id());
            } else if (!before.get().spec().equals(n.spec())) {
                changed.add(n.id());
            }
        });
        a.graph().nodes().forEach(n -> {
            if (!b.graph().contains(n.id())) {
                removed.add(n.id());
            }
        });
        return new RunDiff(changes, added, removed, changed);
    }

    public List<String> changedKeys() {
        return changes.stream().map(Change::key).toList();
    }

    public boolean isEmpty() {
        return changes.isEmpty() && addedLayers.isEmpty() && removedLayers.isEmpty() && changedLayers.isEmpty();
    }
}
