package org.rubricc.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
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
class StatementsTest {
    private static final ClassName VIOLATION = ClassName.get("org.example.other", "Violation");
    private static final ClassName LIST = ClassName.get("java.util", "List");

    /** One call, made on JavaPoet's builder and on a {@link Body}; {@code opens} when it begins a control flow. */
    private record Op(String text, boolean opens, Consumer<CodeBlock.Builder> poet, Consumer<Body> ours) {
        @Override
        public String toString() {
            return text;
        }
    }

    private static String text(String call, String format, Object... args) {
        return call + "(" + format + ", " + Arrays.toString(args) + ")";
    }

    private static Op statement(String format, Object... args) {
        return new Op(text("statement", format, args), false, b -> b.addStatement(format, args), b -> b.addStatement(format, args));
    }

    private static Op begin(String format, Object... args) {
        return new Op(text("begin", format, args), true, b -> b.beginControlFlow(format, args),
                b -> b.beginControlFlow(format, args));
    }

    private static Op next(String format, Object... args) {
        return new Op(text("next", format, args), false, b -> b.nextControlFlow(format, args),
                b -> b.nextControlFlow(format, args));
    }

    private static Op end() {
        return new Op("end()", false, CodeBlock.Builder::endControlFlow, Body::endControlFlow);
    }

    private static Op end(String format) {
        return new Op(text("end", format), false, b -> b.endControlFlow(format), b -> b.endControlFlow(format));
    }

    private static Op code(CodeBlock code) {
        return new Op("code(" + code + ")", false, b -> b.add(code), b -> b.addCode(code));
    }

    private static Op raw(String format, Object... args) {
        return new Op(text("raw", format, args), false, b -> b.add(format, args), b -> b.addCode(format, args));
    }

    /** Statements and code of every kind Body tells apart: one line or not, types, strings, code blocks. */
    private static final List<Op> CODE = List.of(
            statement("st.stop()"),
            statement("st.k$L = NUMBER", 7),
            statement("st.add(new $T($S, $S))", VIOLATION, "/answers/d1", "a \"quoted\" message"),
            statement("st.add(new $T($S))", VIOLATION, "two\nlines"),
            statement("return $T.of($L)", LIST, CodeBlock.of("a,\nb")),
            statement("int x = $L", CodeBlock.of("$T.max(1, 2)", Math.class)),
            statement("$T item", VIOLATION),
            statement("String s = $S", "line\u2028separator"),
            statement("long $N = 1", "named"),
            statement("x = 1 +\n2"),
            code(CodeBlock.builder().addStatement("a()").beginControlFlow("if (b)").addStatement("c()").endControlFlow().build()),
            code(CodeBlock.of("partial(")),
            raw("done();\n"),
            raw("$>indented();\n$<"),
            raw("open("));

    @Provide
    Arbitrary<List<Op>> programs() {
        return Arbitraries.integers().between(0, 99).list().ofMaxSize(30).map(StatementsTest::program);
    }

    /** A program of calls drawn by number: code, or control flow begun, continued and ended so that it balances. */
    private static List<Op> program(List<Integer> seeds) {
        List<Op> drawn = new ArrayList<>();
        for (int seed : seeds) drawn.add(seed < 75 ? CODE.get(seed % CODE.size()) : begin("if (k == $L)", seed));
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
                ops.add(seed % 10 == 0 ? end("while (more(st))") : end());
                open--;
            }
            if (open > 0 && seed % 7 == 0) ops.add(next("else if (st.k$L != $T.NONE)", seed, VIOLATION));
            if (open > 0 && seed % 11 == 0) ops.add(next("else if ($L)", CodeBlock.of("a &&\nb")));
            ops.add(op);
            if (op.opens()) open++;
        }
        for (; open > 0; open--) ops.add(end());
        return ops;
    }

    private static String file(MethodSpec method, CodeBlock nested) {
        TypeSpec type = TypeSpec.classBuilder("Generated").addModifiers(Modifier.FINAL).addMethod(method)
                .addMethod(MethodSpec.methodBuilder("nested").beginControlFlow("if (outer)").addCode(nested).endControlFlow()
                        .build())
                .build();
        return JavaFile.builder("org.example", type).indent(Statements.INDENT).build().toString();
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
            op.poet().accept(poetBody);
            op.ours().accept(ourBody);
            op.poet().accept(poetBlock);
            op.ours().accept(ourBlock);
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
