package org.rubricc.validate;

import java.io.IOException;
import java.util.List;
import org.rubricc.model.Rubric;

/** The bundled rubric versions, for tests in other packages. */
public final class DifferentialTestSupport {
    private DifferentialTestSupport() {}

    public static List<Rubric> bundled() throws IOException {
        return DifferentialTest.bundled();
    }
}
