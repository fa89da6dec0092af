package org.rubricc.codegen;

import static org.rubricc.codegen.ValidatorGenerator.c;
import static org.rubricc.codegen.ValidatorGenerator.inline;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import org.rubricc.model.Dimension;
import org.rubricc.model.Rubric;
import org.rubricc.model.Scale;

/**
 * Writes the byte reader of a generated validator ({@link ByteRuntime}): for UTF-8 input, it reads the
 * rating straight from the caller's bytes into the same state fields as the Jackson reader, and calls the
 * same checks ({@code checkN}, {@code offChoiceN}, {@code twiceN}, {@code sizeN}) in the same document
 * order, so the verdict cannot differ; whatever it does not read itself it defers to the Jackson reader.
 * Keys are matched on their UTF-8 bytes, by length first.
 */
final class ByteReaderGenerator {
    /** The top-level keys; the reader below takes them by position: rubric, version, item, rater, answers, justifications. */
    private static final List<String> TOP_LEVEL = ValidatorGenerator.TOP_LEVEL;

    private final Rubric rubric;
    private final List<Dimension> dims;
    private final TypeSpec.Builder type;
    private final TypeSpec.Builder stateType;
    private final ClassName state;
    private final TypeName violations;
    private final ValidatorGenerator generator;
    private final Layout layout;

    ByteReaderGenerator(ValidatorGenerator generator, Rubric rubric, TypeSpec.Builder type, TypeSpec.Builder stateType, ClassName state,
            TypeName violations, Layout layout) {
        this.generator = generator;
        this.layout = layout;
        this.rubric = rubric;
        this.dims = rubric.dimensions();
        this.type = type;
        this.stateType = stateType;
        this.state = state;
        this.violations = violations;
    }

    void generate() {
        stateType.addField(FieldSpec.builder(byte[].class, "in").addJavadoc("The byte reader's input, position and end.\n").build());
        stateType.addField(int.class, "at");
        stateType.addField(int.class, "end");
        stateType.addField(FieldSpec.builder(int.class, "ss").addJavadoc("The last string read: its bytes and its length in code points.\n")
                .build());
        stateType.addField(int.class, "se");
        stateType.addField(int.class, "sl");
        stateType.addField(FieldSpec.builder(byte[].class, "sb")
                .addJavadoc("The bytes {@code ss .. se} index: the input's, or {@code scratch} where the string had escapes.\n").build());
        stateType.addField(FieldSpec.builder(byte[].class, "scratch").addJavadoc("Decoded strings with escapes.\n").build());

        type.addMethod(Method.builder("plain").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(violations)
                .addJavadoc("The verdict of the byte reader, or null when it leaves the rating to Jackson's parser.\n")
                .addParameter(byte[].class, "json").addParameter(int.class, "offset").addParameter(int.class, "length")
                .addParameter(boolean.class, "quick")
                .addStatement("if (length > PLAIN_LIMIT) return null")
                .addStatement("$T st = new State(quick)", state)
                .addStatement("st.in = json")
                .addStatement("st.at = offset")
                .addStatement("st.end = offset + length")
                .beginControlFlow("try")
                .addStatement("expect(st, '{')")
                .addStatement("plainRating(st)")
                .addStatement("return peek(st) < 0 ? verdict(st) : null")
                .nextControlFlow("catch (Defer d)")
                .addStatement("return d == END ? cutShort(json, offset, length) : null")
                .nextControlFlow("catch (Stop s)")
                .addStatement("return STOPPED")
                .endControlFlow()
                .build());

        keyLookup("plainTop", "T", TOP_LEVEL, "The index of the top-level key just read (rubric, version, ...), or -1.");
        if (layout.dimensionClasses() == 1) {
            keyLookup("plainDimension", "D", dims.stream().map(Dimension::id).toList(), "The index of the dimension whose id was just read, or -1.");
        } else {
            // as many keys as dimensions would not fit one class: the ids' hash map instead
            type.addMethod(Method.builder("plainDimension").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(int.class)
                    .addParameter(state, "st").addJavadoc("The index of the dimension whose id was just read, or -1.\n")
                    .addStatement("return dimension(text(st))").build());
        }
        bytesConstant("EXPECTED_RUBRIC", rubric.id());
        bytesConstant("EXPECTED_VERSION", rubric.version().toString());
        rating();
        answers();
        justifications();
        for (int i = 0; i < dims.size(); i++) answer(i);
    }

    private void bytesConstant(String name, String value) {
        bytesConstant(type, new Modifier[] {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL}, name, value);
    }

    private static void bytesConstant(TypeSpec.Builder in, Modifier[] modifiers, String name, String value) {
        in.addField(FieldSpec.builder(byte[].class, name, modifiers)
                .initializer(c("$S.getBytes($T.UTF_8)", value, StandardCharsets.class)).build());
    }

    /** {@code name(st)}: the index of the key just read among {@code keys}, by byte length, then bytes. */
    private void keyLookup(String name, String prefix, List<String> keys, String doc) {
        Map<Integer, List<Integer>> byLength = new TreeMap<>();
        for (int k = 0; k < keys.size(); k++) {
            bytesConstant(prefix + k, keys.get(k));
            byLength.computeIfAbsent(keys.get(k).getBytes(StandardCharsets.UTF_8).length, x -> new ArrayList<>()).add(k);
        }
        Method m = Method.builder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(int.class)
                .addParameter(state, "st").addJavadoc(doc + "\n")
                .beginControlFlow("switch (st.se - st.ss)");
        for (Map.Entry<Integer, List<Integer>> e : byLength.entrySet()) {
            m.beginControlFlow(inline("case $L:", e.getKey()));
            for (int k : e.getValue()) m.addStatement(inline("if (is(st, $L$L)) return $L", prefix, k, k));
            m.addStatement("return -1").endControlFlow();
        }
        m.addStatement("default: return -1").endControlFlow();
        type.addMethod(m.build());
    }

    private Method reader(String name, String doc) {
        return Method.builder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC).addParameter(state, "st")
                .addJavadoc(doc + "\n");
    }

    private void rating() {
        Method m = reader("plainRating", "The members of the rating object, read from bytes.")
                .addStatement("if (!first(st, '}')) return")
                .beginControlFlow("do")
                .addStatement("string(st)")
                .addStatement("int f = plainTop(st)")
                .addStatement("expect(st, ':')")
                .addStatement("int c = peek(st)")
                .beginControlFlow("switch (f)");
        for (int f = 0; f < 4; f++) {
            String field = TOP_LEVEL.get(f);
            m.beginControlFlow(inline("case $L:", f))
                    .addStatement(inline("if (st.$L != ABSENT) throw DEFER", field))
                    .beginControlFlow("if (c == '\"')")
                    .addStatement("string(st)");
            if (f < 2) {
                m.addStatement(inline("st.$L = STRING", field))
                        .addStatement(inline("if (!is(st, $L)) st.$LText = text(st)", f == 0 ? "EXPECTED_RUBRIC" : "EXPECTED_VERSION", field));
            } else {
                m.addStatement(inline("st.$L = st.se > st.ss ? STRING : EMPTY_STRING", field));
            }
            m.nextControlFlow("else")
                    .addStatement(inline("st.$L = OBJECT", field))
                    .addStatement("skipValue(st)")
                    .endControlFlow()
                    .addStatement("break")
                    .endControlFlow();
        }
        for (int f = 4; f < 6; f++) {
            String field = TOP_LEVEL.get(f);
            m.beginControlFlow(inline("case $L:", f))
                    .addStatement(inline("if (st.$L != ABSENT) throw DEFER", field))
                    .beginControlFlow("if (c == '{')")
                    .addStatement("st.at++")
                    .addStatement(inline("st.$L = OBJECT", field))
                    .addStatement(inline("plain$L(st)", f == 4 ? "Answers" : "Justifications"))
                    .nextControlFlow("else")
                    .addStatement(inline("st.$L = STRING", field))
                    .addStatement("skipValue(st)")
                    .endControlFlow()
                    .addStatement("break")
                    .endControlFlow();
        }
        m.beginControlFlow("default:")
                .addCode(unknownKey(0, "unknownTop", false))
                .endControlFlow()
                .endControlFlow()
                .endControlFlow("while (more(st, '}'))");
        type.addMethod(m.build());
    }

    private void answers() {
        Method m = reader("plainAnswers", "The members of {@code answers}, read from bytes.")
                .addStatement("if (!first(st, '}')) return")
                .beginControlFlow("do")
                .addStatement("string(st)")
                .addStatement("int d = plainDimension(st)")
                .beginControlFlow("if (d < 0)")
                .addCode(unknownKey(1, "unknownAnswer", true))
                .addStatement("continue")
                .endControlFlow()
                .addStatement("if (answered(st, d)) throw DEFER")
                .addStatement("expect(st, ':')");
        if (layout.dimensionClasses() == 1) {
            m.beginControlFlow("switch (d)");
            for (int i = 0; i < dims.size(); i++) m.addStatement(inline("case $L: plainAnswer$L(st); break", i, i));
            m.addStatement("default: throw new $T()", IllegalStateException.class).endControlFlow();
        } else {
            m.addCode(generator.partSwitches("plainAnswersIn", n -> Method.builder(n).addParameter(state, "st")
                    .addParameter(int.class, "d"), i -> CodeBlock.of("case $L: plainAnswer$L(st); break;\n", i, i),
                    k -> CodeBlock.of("plainAnswersIn$L(st, d);\n", k)));
        }
        m.endControlFlow("while (more(st, '}'))");
        type.addMethod(m.build());
    }

    private void justifications() {
        type.addMethod(reader("plainJustifications", "The members of {@code justifications}, read from bytes.")
                .addStatement(inline("st.justificationKind = new byte[$L]", dims.size()))
                .addStatement(inline("st.justificationLength = new int[$L]", dims.size()))
                .addStatement("if (!first(st, '}')) return")
                .beginControlFlow("do")
                .addStatement("string(st)")
                .addStatement("int d = plainDimension(st)")
                .beginControlFlow("if (d < 0)")
                .addCode(unknownKey(2, "unknownJustification", true))
                .addStatement("continue")
                .endControlFlow()
                .addStatement("if (st.justificationKind[d] != ABSENT) throw DEFER")
                .addStatement("expect(st, ':')")
                .addStatement("st.justified(d)")
                .beginControlFlow("if (peek(st) == '\"')")
                .addStatement("string(st)")
                .addStatement("st.justificationKind[d] = STRING")
                .addStatement("st.justificationLength[d] = st.sl")
                .nextControlFlow("else")
                .addStatement("st.justificationKind[d] = OBJECT")
                .addStatement("skipValue(st)")
                .endControlFlow()
                .endControlFlow("while (more(st, '}'))")
                .build());
    }

    /**
     * A key that is not a field of the format or a dimension, in object 0 (the rating), 1 ({@code answers})
     * or 2 ({@code justifications}): given twice, it goes to Jackson; else {@code report} takes it, as in
     * the Jackson reader, and its value is skipped. {@code colon}: whether the colon is still to be read.
     */
    private static CodeBlock unknownKey(int object, String report, boolean colon) {
        CodeBlock.Builder b = CodeBlock.builder()
                .addStatement("String name = text(st)")
                .addStatement(inline("if (!st.fresh($L, name)) throw DEFER", object));
        if (colon) b.addStatement("expect(st, ':')");
        return b.addStatement(inline("$L(st, name)", report)).addStatement("skipValue(st)").build();
    }

    /** {@code plainAnswerI(st)}: reads the answer as {@code answerI} does, then checks it with {@code checkI}. */
    private void answer(int i) {
        Scale s = dims.get(i).scale();
        boolean multi = s instanceof Scale.MultiSelect;
        boolean text = s instanceof Scale.Text;
        List<Scale.Choice> choices = s instanceof Scale.Categorical cat ? cat.choices() : multi ? ((Scale.MultiSelect) s).choices() : null;
        if (choices != null) choiceLookup(i, choices);
        Method m = Method.builder("plainAnswer" + i).addModifiers(layout.modifiersOf(i)).addParameter(state, "st")
                .addJavadoc("The answer of dimension " + i + ", read from bytes.\n")
                .addStatement("int c = peek(st)")
                .beginControlFlow("if (c == '\"')")
                .addStatement("string(st)")
                .addStatement(inline("st.k$L = STRING", i))
                .addStatement(inline("int ch = $L", s instanceof Scale.Categorical ? "plainChoice" + i + "(st)" : "OTHER"))
                .addStatement("if (ch == OTHER && isNotApplicable(st)) ch = NOT_APPLICABLE")
                .addStatement(inline("st.c$L = ch", i));
        if (text) m.addStatement(inline("st.l$L = st.sl", i));
        if (text && ((Scale.Text) s).pattern().isPresent()) m.addStatement(inline("st.p$L = PATTERN$L.matcher(text(st)).find()", i, i));
        if (!multi && !text) m.addStatement(inline("if (ch == OTHER) st.x$L = text(st)", i));
        m.nextControlFlow("else if (c == '-' || (c >= '0' && c <= '9'))")
                .addStatement("number(st)")
                .addStatement(inline("st.k$L = NUMBER", i));
        if (!multi && !text) {
            m.addStatement(inline("st.n$L = st.tn", i)).addStatement(inline("st.s$L = st.ts", i)).addStatement(inline("st.f$L = st.tf", i));
        }
        m.nextControlFlow("else if (c == 't')")
                .addStatement("literal(st, \"true\")")
                .addStatement(inline("st.k$L = TRUE", i))
                .nextControlFlow("else if (c == 'f')")
                .addStatement("literal(st, \"false\")")
                .addStatement(inline("st.k$L = FALSE", i))
                .nextControlFlow("else if (c == 'n')")
                .addStatement("literal(st, \"null\")")
                .addStatement(inline("st.k$L = NULL", i));
        if (multi) {
            m.nextControlFlow("else if (c == '[')")
                    .addStatement("st.at++")
                    .addStatement(inline("st.k$L = ARRAY", i))
                    .addStatement("int size = 0")
                    .beginControlFlow("if (first(st, ']'))")
                    .beginControlFlow("do")
                    .addStatement("int at = size++")
                    .addStatement("string(st)")
                    .addStatement(inline("int item = plainChoice$L(st)", i))
                    .addStatement(inline("if (item < 0) offChoice$L(st, at, text(st))", i))
                    .addStatement(inline("else if (!select$L(st, item)) twice$L(st, at, item)", i, i))
                    .endControlFlow("while (more(st, ']'))")
                    .endControlFlow()
                    .addStatement(inline("size$L(st, size)", i))
                    .addStatement("return");
        } else {
            m.nextControlFlow("else if (c == '[')")
                    .addStatement(inline("st.k$L = ARRAY", i))
                    .addStatement(text ? "skipValue(st)" : "st.x" + i + " = captureValue(st)");
        }
        m.nextControlFlow("else if (c == '{')")
                .addStatement(inline("st.k$L = OBJECT", i))
                .addStatement(multi || text ? "skipValue(st)" : "st.x" + i + " = captureValue(st)")
                .nextControlFlow("else")
                .addStatement("throw defer(c)")
                .endControlFlow()
                .addStatement(inline("check$L(st)", i));
        layout.of(i).addMethod(m.build());
    }

    /** {@code plainChoiceI(st)}: the index of the choice whose id was just read, or OTHER. */
    private void choiceLookup(int i, List<Scale.Choice> choices) {
        Method m = Method.builder("plainChoice" + i).addModifiers(layout.modifiersOf(i)).addParameter(state, "st")
                .addJavadoc("The index of the choice of dimension " + i + " just read, or OTHER.\n")
                .returns(int.class);
        for (int k = 0; k < choices.size(); k++) {
            String name = "C" + i + "_" + k;
            bytesConstant(layout.of(i), layout.constantsOf(i), name, choices.get(k).id());
            m.addStatement(inline("if (is(st, $L)) return $L", name, k));
        }
        m.addStatement("return OTHER");
        layout.of(i).addMethod(m.build());
    }
}
