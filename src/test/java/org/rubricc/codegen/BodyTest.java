package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A {@link Body} (and a {@link Method}) is written by JavaPoet exactly as JavaPoet's own builders would write the
 * same calls: random sequences of statements, control flow and code blocks, in a file indented as the generated
 * validators are, at the top of a method and nested in a block.
 */
class BodyTest {
    private static final ClassName VIOLATION = ClassName.get("org.example.other", "Violation");
    private static final ClassName LIST = ClassName.get("java.util", "List");

    /** One call, made on JavaPoet's builder and on a {@link Body}. */
    private sealed interface Op {
        void on(CodeBlock.Builder b);

        void on(Body b);
    }

    private record Statement(String format, Object... args) implements Op {
        @Override
        public String toString() {
            return "Statement(" + format + ", " + java.util.Arrays.toString(args) + ")";
        }

        public void on(CodeBlock.Builder b) {
            b.addStatement(format, args);
        }

        public void on(Body b) {
            b.addStatement(format, args);
        }
    }

    private record Begin(String format, Object... args) implements Op {
        @Override
        public String toString() {
            return "Begin(" + format + ", " + java.util.Arrays.toString(args) + ")";
        }

        public void on(CodeBlock.Builder b) {
            b.beginControlFlow(format, args);
        }

        public void on(Body b) {
            b.beginControlFlow(format, args);
        }
    }

    private record Next(String format, Object... args) implements Op {
        @Override
        public String toString() {
            return "Next(" + format + ", " + java.util.Arrays.toString(args) + ")";
        }

        public void on(CodeBlock.Builder b) {
            b.nextControlFlow(format, args);
        }

        public void on(Body b) {
            b.nextControlFlow(format, args);
        }
    }

    private record End(String format) implements Op {
        public void on(CodeBlock.Builder b) {
            if (format == null) b.endControlFlow();
            else b.endControlFlow(format);
        }

        public void on(Body b) {
            if (format == null) b.endControlFlow();
            else b.endControlFlow(format);
        }
    }

    private record Code(CodeBlock code) implements Op {
        public void on(CodeBlock.Builder b) {
            b.add(code);
        }

        public void on(Body b) {
            b.addCode(code);
        }
    }

    private record Raw(String format, Object... args) implements Op {
        @Override
        public String toString() {
            return "Raw(" + format + ", " + java.util.Arrays.toString(args) + ")";
        }

        public void on(CodeBlock.Builder b) {
            b.add(format, args);
        }

        public void on(Body b) {
            b.addCode(format, args);
        }
    }

    /** Statements and code of every kind Body tells apart: one line or not, types, strings, code blocks. */
    private static final List<Op> CODE = List.of(
            new Statement("st.stop()"),
            new Statement("st.k$L = NUMBER", 7),
            new Statement("st.add(new $T($S, $S))", VIOLATION, "/answers/d1", "a \"quoted\" message"),
            new Statement("st.add(new $T($S))", VIOLATION, "two\nlines"),
            new Statement("return $T.of($L)", LIST, CodeBlock.of("a,\nb")),
            new Statement("int x = $L", CodeBlock.of("$T.max(1, 2)", Math.class)),
            new Statement("$T item", VIOLATION),
            new Statement("String s = $S", "line\u2028separator"),
            new Statement("long $N = 1", "named"),
            new Statement("x = 1 +\n2"),
            new Code(CodeBlock.builder().addStatement("a()").beginControlFlow("if (b)").addStatement("c()").endControlFlow().build()),
            new Code(CodeBlock.of("partial(")),
            new Raw("done();\n"),
            new Raw("$>indented();\n$<"),
            new Raw("open("));

    @Provide
    Arbitrary<List<Op>> programs() {
        return Arbitraries.integers().between(0, 99).list().ofMaxSize(30).map(BodyTest::program);
    }

    /** A program of calls drawn by number: code, or control flow begun, continued and ended so that it balances. */
    private static List<Op> program(List<Integer> seeds) {
        List<Op> drawn = new ArrayList<>();
        for (int seed : seeds) drawn.add(seed < 75 ? CODE.get(seed % CODE.size()) : new Begin("if (k == $L)", seed));
        return balanced(drawn, seeds);
    }

    /** The drawn calls, with control flows continued and closed so that every one begun is ended. */
    private static List<Op> balanced(List<Op> drawn, List<Integer> seeds) {
        List<Op> ops = new ArrayList<>();
        int open = 0;
        for (int i = 0; i < drawn.size(); i++) {
            Op op = drawn.get(i);
            int seed = seeds.get(i);
            if (open > 0 && seed % 5 == 0) {
                ops.add(new End(seed % 10 == 0 ? "while (more(st))" : null));
                open--;
            }
            if (open > 0 && seed % 7 == 0) ops.add(new Next("else if (st.k$L != $T.NONE)", seed, VIOLATION));
            if (open > 0 && seed % 11 == 0) ops.add(new Next("else if ($L)", CodeBlock.of("a &&\nb")));
            ops.add(op);
            if (op instanceof Begin) open++;
        }
        for (; open > 0; open--) ops.add(new End(null));
        return ops;
    }

    private static String file(MethodSpec method, CodeBlock nested) {
        TypeSpec type = TypeSpec.classBuilder("Generated").addModifiers(Modifier.FINAL).addMethod(method)
                .addMethod(MethodSpec.methodBuilder("nested").beginControlFlow("if (outer)").addCode(nested).endControlFlow()
                        .build())
                .build();
        return JavaFile.builder("org.example", type).indent(Body.INDENT).build().toString();
    }

    @Property(tries = 1000)
    void javaPoetWritesABodyAsItWritesItsOwnBuilder(@ForAll("programs") List<Op> ops) {
        MethodSpec.Builder poet = MethodSpec.methodBuilder("m").addModifiers(Modifier.STATIC);
        CodeBlock.Builder poetBlock = CodeBlock.builder();
        Method ours = Method.builder("m").addModifiers(Modifier.STATIC);
        Body ourBlock = new Body();
        CodeBlock.Builder poetBody = CodeBlock.builder();
        Body ourBody = new Body();
        for (Op op : ops) {
            op.on(poetBody);
            op.on(ourBody);
            op.on(poetBlock);
            op.on(ourBlock);
        }
        poet.addCode(poetBody.build());
        MethodSpec method = ours.addCode(ourBody.build()).build();
        assertEquals(file(poet.build(), poetBlock.build()), file(method, ourBlock.build()), ops.toString());
    }

    @Test
    void controlFlowMustBalance() {
        assertThrows(IllegalStateException.class, () -> new Body().endControlFlow());
        assertThrows(IllegalStateException.class, () -> new Body().beginControlFlow("if (a)").build());
        assertThrows(IllegalStateException.class, () -> Method.builder("m").beginControlFlow("if (a)").build());
    }

    @Test
    void plainCodeIsWrittenWithItsIndentation() {
        Body b = new Body().beginControlFlow("if (a)").addStatement("b()").addStatement("c($L)", 1).endControlFlow();
        assertEquals("if (a) {\n    b();\n    c(1);\n}\n", b.build().toString());
        assertEquals(true, Body.oneLine("st.add(new $T($S))", new Object[] {VIOLATION, "text"}));
        assertEquals(false, Body.oneLine("st.add(new $T($S))", new Object[] {VIOLATION, "two\nlines"}));
        assertEquals(false, Body.oneLine("x($L)", new Object[] {CodeBlock.of("y")}));
        assertEquals(false, Body.oneLine("a\u0085b", new Object[0]));
    }
}
