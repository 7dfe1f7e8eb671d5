package org.layerlab.export.pytorch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.layerlab.export.core.Identifiers;
import org.layerlab.export.core.PythonCode;

/**
 * A layer keeps its name as its variable in forward(); a name that is also a helper's (the
 * default "sampling" or "bidirectional") would make Python treat the helper as an unset local.
 */
class HelperNamesTest {
    @Test
    void noLayerNameCanShadowAFunctionTheGeneratedCodeDefines() {
        List<String> defined = new ArrayList<>();
        Pattern def = Pattern.compile("(?m)^def (\\w+)\\(");
        List<String> sources = new ArrayList<>();
        for (TorchHelpers h : TorchHelpers.values()) {
            sources.add(h.code());
        }
        sources.add(PythonCode.LOAD_ARRAYS);
        sources.add(PythonCode.LOAD_WEIGHTS);
        for (String code : sources) {
            Matcher m = def.matcher(code);
            while (m.find()) {
                defined.add(m.group(1));
            }
        }
        assertFalse(defined.isEmpty());
        for (String name : defined) {
            assertNotEquals(name, Identifiers.clean(name), name + " must be reserved in Identifiers");
        }
        for (String name : List.of("build_model", "load_model", "math", "json", "keras", "layers")) {
            assertNotEquals(name, Identifiers.clean(name), name + " must be reserved in Identifiers");
        }
    }
}
