package org.rubricc.backend;

import java.util.List;

/** Every target `rubricc compile` knows, in the order they run. */
public final class Targets {
    private Targets() {}

    public static List<Target> all() {
        return List.of(new org.rubricc.schema.SchemaTarget(), new org.rubricc.docs.DocsTarget(),
                new org.rubricc.codegen.JavaTarget(), new org.rubricc.codegen.js.JsTarget(),
                new org.rubricc.diff.ChangelogTarget());
    }
}
