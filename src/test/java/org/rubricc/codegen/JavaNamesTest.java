package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.lang.model.SourceVersion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.rubricc.model.Rubric;
import org.rubricc.model.Version;

/** Validator class names: readable, stable, and never shared by two rubric versions. */
class JavaNamesTest {
    static String name(String id, String version) {
        return JavaNames.validatorClass(new Rubric(id, Version.parse(version).orElseThrow(), "T", "", List.of(), Map.of(),
                List.of(), List.of(), null));
    }

    @Test
    void plainIdsAndReleasesKeepTheirReadableNames() {
        assertEquals("ImageEdit_2_0_0Validator", name("image-edit", "2.0.0"));
        assertEquals("ImageQuality_1_1_0Validator", name("image-quality", "1.1.0"));
    }

    @Test
    void idsAndVersionsThatReadAlikeGetDifferentNames() {
        List<String> names = List.of(name("a-b", "1.0.0"), name("a_b", "1.0.0"), name("aB", "1.0.0"), name("ab", "1.0.0"),
                name("a-b", "1.0.0-rc.1"), name("a-b", "1.0.0-rc-1"), name("a-b", "1.0.0+build.1"));
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
        assertEquals(name("a_b", "1.0.0"), name("a_b", "1.0.0"), "stable");
        assertTrue(name("a_b", "1.0.0").matches("AB_1_0_0_H[0-9a-f]{16}Validator"), name("a_b", "1.0.0"));
    }

    @Provide
    Arbitrary<String> ids() {
        Arbitrary<String> first = Arbitraries.of("a", "b", "z", "_", "A", "é");
        Arbitrary<String> rest = Arbitraries.strings().withChars("ab-_Z09é").ofMaxLength(6);
        return Combinators.combine(first, rest).as(String::concat);
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.of("1.0.0", "0.1.0", "10.0.0", "1.0.0-rc.1", "1.0.0-rc-1", "1.0.0-rc1", "1.0.0-r.c1", "1.0.0+b.1",
                "1.0.0-a--b", "1.0.0-a.b");
    }

    @Property(tries = 2000)
    void twoRubricVersionsNeverShareAClassAndEveryNameIsJava(@ForAll("ids") String id1, @ForAll("versions") String v1,
            @ForAll("ids") String id2, @ForAll("versions") String v2) {
        String a = name(id1, v1), b = name(id2, v2);
        assertTrue(SourceVersion.isIdentifier(a) && !SourceVersion.isKeyword(a), a);
        if (!(id1.equals(id2) && v1.equals(v2))) assertNotEquals(a, b, id1 + "@" + v1 + " and " + id2 + "@" + v2);
    }
}
