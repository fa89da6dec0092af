package org.rubricc.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;
import org.rubricc.model.Condition;
import org.rubricc.model.Constraint;
import org.rubricc.model.Dimension;
import org.rubricc.model.Phrases;
import org.rubricc.model.Rubric;
import org.rubricc.model.Rule;
import org.rubricc.model.Scale;
import org.rubricc.model.Value;

/**
 * Writes the Java validator of one rubric version: a class that reads a rating with Jackson's streaming
 * parser (or, for plain UTF-8 input, with its own strict byte reader: {@link ByteReaderGenerator}),
 * keeps each answer in fields of a per-call state object, and then judges it with the rubric's
 * conditions and rules compiled to Java expressions. Its verdicts, violation order and messages are
 * those of the runtime validator ({@code org.rubricc.validate.Validator}); the differential tests hold
 * the two to that.
 *
 * <p>Rubric text only ever appears in the generated code as string literals (escaped by JavaPoet, and
 * non-ASCII characters as Unicode escapes), never in comments or names; names come from indices.
 */
public final class ValidatorGenerator {
    /** The violation codes, as the submission format defines them (README, "Violation codes"). */
    static final String MALFORMED_JSON = "malformed-json", UNKNOWN_KEY = "unknown-key", MISSING_FIELD = "missing-field",
            WRONG_TYPE = "wrong-type", WRONG_RUBRIC = "wrong-rubric", WRONG_VERSION = "wrong-version",
            NOT_ON_SCALE = "not-on-scale", DUPLICATE_CHOICE = "duplicate-choice", TOO_FEW_CHOICES = "too-few-choices",
            TOO_MANY_CHOICES = "too-many-choices", TEXT_TOO_SHORT = "text-too-short", TEXT_TOO_LONG = "text-too-long", TEXT_PATTERN = "text-pattern",
            ANSWERED_WHEN_SKIPPED = "answered-when-skipped", MISSING_ANSWER = "missing-answer",
            JUSTIFICATION_WITHOUT_ANSWER = "justification-without-answer", MISSING_JUSTIFICATION = "missing-justification",
            JUSTIFICATION_TOO_SHORT = "justification-too-short", RULE_VIOLATED = "rule-violated";

    /** The top-level keys of a rating, in the order messages list them. */
    static final List<String> TOP_LEVEL = List.of("rubric", "version", "item", "rater", "answers", "justifications");

    private static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    private static final ClassName JSON_TOKEN = ClassName.get("com.fasterxml.jackson.core", "JsonToken");
    private static final ClassName JSON_FACTORY = ClassName.get("com.fasterxml.jackson.core", "JsonFactory");
    private static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get("com.fasterxml.jackson.core", "JsonProcessingException");
    private static final ClassName IO_EXCEPTION = ClassName.get(java.io.IOException.class);
    private static final ClassName BIG_DECIMAL = ClassName.get(BigDecimal.class);
    private static final ClassName LIST = ClassName.get(List.class);
    private static final ClassName ARRAY_LIST = ClassName.get(ArrayList.class);
    private static final ClassName COLLECTIONS = ClassName.get(java.util.Collections.class);
    private static final TypeName STRING = ClassName.get(String.class);

    private final Rubric rubric;
    private final String packageName;
    private final String className;
    private final ClassName self;
    private final ClassName violation;
    private final ClassName state;
    private final TypeName violations;
    private final List<Dimension> dims;
    private final Map<String, Integer> index = new LinkedHashMap<>();
    /** BigDecimal constants by their canonical text, in order of first use. */
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private final TypeSpec.Builder type;
    private final TypeSpec.Builder stateType;
    private final Layout layout;

    public ValidatorGenerator(Rubric rubric, String packageName) {
        this.rubric = rubric;
        this.packageName = packageName;
        this.className = JavaNames.validatorClass(rubric);
        this.self = ClassName.get(packageName, className);
        this.violation = self.nestedClass("Violation");
        this.state = self.nestedClass("State");
        this.violations = ParameterizedTypeName.get(LIST, violation);
        this.dims = rubric.dimensions();
        for (int i = 0; i < dims.size(); i++) index.put(dims.get(i).id(), i);
        this.type = TypeSpec.classBuilder(className).addModifiers(Modifier.PUBLIC, Modifier.FINAL);
        this.stateType = TypeSpec.classBuilder("State").addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
        this.layout = new Layout(type, self, dims);
    }

    /** The simple name of the generated class. */
    public String className() {
        return className;
    }

    /** The generated class's file, relative to a source root: {@code org/rubricc/generated/ImageEdit_2_0_0Validator.java}. */
    public String relativePath() {
        return (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/") + className + ".java";
    }

    /** The source of the generated class: pure ASCII, LF line endings. */
    public String generate() {
        publicApi();
        parsing();
        for (int i = 0; i < dims.size(); i++) answerReader(i);
        new ByteReaderGenerator(this, rubric, type, stateType, state, violations, layout).generate();
        verdict();
        lookups();
        stateClass();
        for (Map.Entry<String, String> n : numbers.entrySet()) {
            type.addField(FieldSpec.builder(BIG_DECIMAL, n.getValue(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer(c("new $T($S)", BIG_DECIMAL, n.getKey())).build());
        }
        type.addType(stateType.build());
        layout.finish();
        JavaFile.Builder file = JavaFile.builder(packageName, type.build())
                .addFileComment("Generated by rubricc from rubric $L $L. Do not edit.", safe(rubric.id()), safe(rubric.version().toString()));
        for (int k = 1; k < layout.classes(); k++) file.addStaticImport(layout.name(k), "*");
        String source = file.skipJavaLangImports(true)
                .indent(Statements.INDENT)
                .build()
                .toString();
        int end = source.lastIndexOf('}');
        String helpers = (Runtime.HELPERS + "\n" + ByteRuntime.HELPERS).indent(4);
        source = new StringBuilder(source.length() + helpers.length() + 1).append(source, 0, end).append('\n').append(helpers)
                .append(source, end, source.length()).toString();
        return JavaNames.ascii(source.replace("\r\n", "\n"));
    }

    /**
     * A code block in which every {@code $S} argument is written as a pure-ASCII Java string literal
     * ({@link JavaNames#literal}): JavaPoet's {@code $S} would break a line at U+2028 and U+2029. Those literals and
     * the {@code $L} numbers and names are written into the format ({@link #inline} says why); types ({@code $T})
     * and code blocks stay arguments.
     */
    static CodeBlock c(String format, Object... args) {
        return f(format, args).block();
    }

    /** A format and its arguments as {@link #c} writes them, for a {@link Method}'s statement. */
    record Format(String format, Object[] args) {
        CodeBlock block() {
            return CodeBlock.of(format, args);
        }
    }

    /** The format and arguments of {@link #c}. */
    static Format f(String format, Object... args) {
        StringBuilder f = new StringBuilder();
        List<Object> kept = new ArrayList<>();
        int arg = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '$' && i + 1 < format.length()) {
                char kind = format.charAt(++i);
                Object a = kind == 'L' || kind == 'T' || kind == 'N' || kind == 'S' ? args[arg++] : null;
                if (kind == 'S') {
                    f.append(writtenIn(JavaNames.literal((String) a)));
                } else if (kind == 'L' && canBeWrittenIn(a)) {
                    f.append(writtenIn(a));
                } else {
                    f.append('$').append(kind);
                    if (a != null) kept.add(a);
                }
            } else {
                f.append(ch);
            }
        }
        return new Format(f.toString(), kept.toArray());
    }

    /**
     * A format with its {@code $L} arguments (numbers and names) written in, as JavaPoet would write them. JavaPoet
     * emits a format piece by piece, and splits every piece on line breaks with a regular expression, twice (once
     * to collect the imports); a statement of one piece instead of three or five is written about twice as fast,
     * and the per-dimension readers of a large rubric are thousands of such statements. The code is the same.
     */
    static String inline(String format, Object... args) {
        Object[] written = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            if (!canBeWrittenIn(args[i])) throw new IllegalArgumentException("not a number or a name: " + args[i]);
            written[i] = writtenIn(args[i]);
        }
        return code(format, written);
    }

    /**
     * Code text: the format with each {@code $L} replaced by its argument, as {@code String.valueOf} writes it. The
     * conditions are such text, not code blocks, so that a statement using one is a single piece ({@link Statements}).
     */
    static String code(String format, Object... args) {
        StringBuilder b = new StringBuilder(format.length() + 8 * args.length);
        int arg = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '$' && i + 1 < format.length() && format.charAt(i + 1) == 'L') {
                b.append(args[arg++]);
                i++;
            } else if (ch == '$') {
                throw new IllegalArgumentException("only $L is replaced: " + format);
            } else {
                b.append(ch);
            }
        }
        if (arg != args.length) throw new IllegalArgumentException(args.length - arg + " arguments left over: " + format);
        return b.toString();
    }

    /** Whether JavaPoet writes a {@code $L} argument as its {@code String.valueOf} (a code block it writes itself). */
    private static boolean canBeWrittenIn(Object a) {
        return a instanceof Number || a instanceof String || a instanceof Character || a instanceof Boolean;
    }

    /** An argument as text in a format: as JavaPoet writes it, with {@code $} doubled. */
    private static String writtenIn(Object a) {
        return String.valueOf(a).replace("$", "$$");
    }

    private static String safe(String s) {
        return JavaNames.commentSafe(s) ? s : "(id not shown)";
    }

    // ---------------------------------------------------------------------------------------------
    // The public API
    // ---------------------------------------------------------------------------------------------

    private void publicApi() {
        type.addJavadoc("Validates ratings (one JSON object each) against rubric $L, version $L.\n\n", safe(rubric.id()),
                safe(rubric.version().toString()));
        type.addJavadoc("<p>Verdicts, JSON pointers, codes, order and messages are those of {@code rubricc validate}.\n"
                + "Needs only jackson-core at run time. Instances hold no state: one instance may be shared by any\n"
                + "number of threads.\n");
        type.addField(FieldSpec.builder(STRING, "RUBRIC_ID", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer(c("$S", rubric.id())).build());
        type.addField(FieldSpec.builder(STRING, "RUBRIC_VERSION", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .initializer(c("$S", rubric.version().toString())).build());
        type.addField(FieldSpec.builder(JSON_FACTORY, "JSON", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Finds a key given twice where {@code rubricc validate} does: as the name is read, before\n"
                        + "the colon after it.\n")
                .initializer("newFactory()")
                .build());
        for (String[] k : new String[][] {{"ABSENT", "0"}, {"NUMBER", "1"}, {"STRING", "2"}, {"TRUE", "3"}, {"FALSE", "4"},
                {"ARRAY", "5"}, {"OBJECT", "6"}, {"NULL", "7"}, {"EMPTY_STRING", "8"}}) {
            type.addField(FieldSpec.builder(TypeName.BYTE, k[0], Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$L", k[1]).build());
        }
        type.addField(FieldSpec.builder(TypeName.INT, "OTHER", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("-1").build());
        type.addField(FieldSpec.builder(TypeName.INT, "NOT_APPLICABLE", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("-2").build());
        type.addField(FieldSpec.builder(violations, "STOPPED", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(c("$T.of(new $T($S, $S, $S))", LIST, violation, "", "", "stopped at the first violation")).build());

        type.addType(TypeSpec.recordBuilder("Violation").addModifiers(Modifier.PUBLIC)
                .addJavadoc("One problem with a rating: a JSON pointer to it (empty for the whole rating), its code\n"
                        + "({@code not-on-scale}, ...) and a message naming the dimension by its title.\n")
                .recordConstructor(MethodSpec.constructorBuilder()
                        .addParameter(STRING, "path").addParameter(STRING, "code").addParameter(STRING, "message").build())
                .build());
        type.addType(TypeSpec.classBuilder("Stop").addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(RuntimeException.class)
                .addJavadoc("Ends {@code isValid} at the first violation; carries no stack trace.\n")
                .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L").build())
                .addMethod(MethodSpec.constructorBuilder().addStatement("super(null, null, false, false)").build())
                .build());
        type.addField(FieldSpec.builder(self.nestedClass("Stop"), "STOP", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("new Stop()").build());

        type.addMethod(Method.builder("validate").addModifiers(Modifier.PUBLIC).returns(violations)
                .addJavadoc("Every violation of one rating given as UTF-8 JSON; an empty list when it is valid.\n")
                .addParameter(byte[].class, "json")
                .addStatement("return validate(json, 0, json.length)").build());
        type.addMethod(Method.builder("validate").addModifiers(Modifier.PUBLIC).returns(violations)
                .addJavadoc("Every violation of the rating in {@code json[offset .. offset + length)} (UTF-8 JSON, one\n"
                        + "value, no trailing content); an empty list when it is valid. Input that is not one JSON object\n"
                        + "gives one {@code malformed-json} violation.\n\n"
                        + "<p>Plain ratings are read straight from the bytes; a rating with anything else (escapes,\n"
                        + "exponents, keys given twice, malformed JSON) is read by Jackson's parser, after a check that\n"
                        + "its bytes are well-formed UTF-8 (Jackson lets overlong forms and code points above U+10FFFF\n"
                        + "through).\n\n"
                        + "@throws IndexOutOfBoundsException when the range is not inside {@code json}\n")
                .addParameter(byte[].class, "json").addParameter(int.class, "offset").addParameter(int.class, "length")
                .addStatement("$T.checkFromIndexSize(offset, length, json.length)", java.util.Objects.class)
                .addStatement("$T found = plain(json, offset, length, false)", violations)
                .addStatement("if (found != null) return found")
                .addStatement("int bad = illFormedUtf8(json, offset, length)")
                .addStatement("if (bad >= 0) return malformed(\"not valid JSON: ill-formed UTF-8 at byte \" + (bad + 1))")
                .beginControlFlow("try ($T p = factory(json, offset, length).createParser(json, offset, length))", JSON_PARSER)
                .addStatement("return document(p, false)")
                .nextControlFlow("catch ($T e)", IO_EXCEPTION)
                .addStatement("return malformed(\"not valid JSON: \" + e.getMessage())")
                .endControlFlow().build());
        type.addMethod(Method.builder("validate").addModifiers(Modifier.PUBLIC).returns(violations)
                .addJavadoc("Every violation of the rating in {@code json}; an empty list when it is valid.\n")
                .addParameter(String.class, "json")
                .beginControlFlow("try ($T p = JSON.createParser(json))", JSON_PARSER)
                .addStatement("return document(p, false)")
                .nextControlFlow("catch ($T e)", IO_EXCEPTION)
                .addStatement("return malformed(\"not valid JSON: \" + e.getMessage())")
                .endControlFlow().build());
        type.addMethod(Method.builder("validate").addModifiers(Modifier.PUBLIC).returns(violations)
                .addJavadoc("Every violation of the next value of a parser the caller owns (its current token, or the\n"
                        + "next one when it has none). The parser is left on the value's last token; what follows is\n"
                        + "not read. JSON that is not well-formed (duplicate keys included) gives one\n"
                        + "{@code malformed-json} violation.\n\n"
                        + "@throws IOException when the parser's input cannot be read\n")
                .addParameter(JSON_PARSER, "parser").addException(IO_EXCEPTION)
                .addStatement("$T st = new State(false)", state)
                .beginControlFlow("try")
                .addStatement("$T t = parser.currentToken() != null ? parser.currentToken() : parser.nextToken()", JSON_TOKEN)
                .addStatement("if (t == null) return malformed(\"a rating must be a JSON object\")")
                .beginControlFlow("if (t != JsonToken.START_OBJECT)")
                .addStatement("skip(parser, t)")
                .addStatement("return malformed(\"a rating must be a JSON object\")")
                .endControlFlow()
                .addStatement("rating(parser, st)")
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("return malformed(\"not valid JSON: \" + e.getOriginalMessage())")
                .nextControlFlow("catch ($T e)", NumberFormatException.class)
                .addStatement("return malformed(\"not valid JSON: \" + e.getMessage())")
                .endControlFlow()
                .addStatement("return verdict(st)").build());
        type.addMethod(Method.builder("isValid").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("Whether the rating (UTF-8 JSON) is valid; stops at the first violation.\n")
                .addParameter(byte[].class, "json")
                .addStatement("return isValid(json, 0, json.length)").build());
        type.addMethod(Method.builder("isValid").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("Whether the rating in {@code json[offset .. offset + length)} is valid; stops at the first\n"
                        + "violation, and builds no message.\n\n"
                        + "@throws IndexOutOfBoundsException when the range is not inside {@code json}\n")
                .addParameter(byte[].class, "json").addParameter(int.class, "offset").addParameter(int.class, "length")
                .addStatement("$T.checkFromIndexSize(offset, length, json.length)", java.util.Objects.class)
                .addStatement("$T found = plain(json, offset, length, true)", violations)
                .addStatement("if (found != null) return found.isEmpty()")
                .addStatement("if (illFormedUtf8(json, offset, length) >= 0) return false")
                .beginControlFlow("try ($T p = factory(json, offset, length).createParser(json, offset, length))", JSON_PARSER)
                .addStatement("return document(p, true).isEmpty()")
                .nextControlFlow("catch ($T e)", IO_EXCEPTION)
                .addStatement("return false")
                .endControlFlow().build());
        type.addMethod(Method.builder("isValid").addModifiers(Modifier.PUBLIC).returns(boolean.class)
                .addJavadoc("Whether the rating in {@code json} is valid; stops at the first violation.\n")
                .addParameter(String.class, "json")
                .beginControlFlow("try ($T p = JSON.createParser(json))", JSON_PARSER)
                .addStatement("return document(p, true).isEmpty()")
                .nextControlFlow("catch ($T e)", IO_EXCEPTION)
                .addStatement("return false")
                .endControlFlow().build());
        type.addMethod(Method.builder("malformed").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(violations)
                .addParameter(String.class, "message")
                .addStatement(f("return $T.of(new $T($S, $S, message))", LIST, violation, "", MALFORMED_JSON)).build());
    }

    // ---------------------------------------------------------------------------------------------
    // Reading a rating
    // ---------------------------------------------------------------------------------------------

    private Method reader(String name) {
        return Method.builder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(JSON_PARSER, "p").addParameter(state, "st").addException(IO_EXCEPTION);
    }

    private void parsing() {
        type.addMethod(Method.builder("document").addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(violations)
                .addJavadoc("One whole document: one JSON value and nothing after it, as {@code rubricc validate} reads a line.\n")
                .addParameter(JSON_PARSER, "p").addParameter(boolean.class, "quick").addException(IO_EXCEPTION)
                .addStatement("$T st = new State(quick)", state)
                .beginControlFlow("try")
                .addStatement("$T t = p.nextToken()", JSON_TOKEN)
                .addStatement("if (t == null) return malformed(\"a rating must be a JSON object\")")
                .addStatement("boolean object = t == JsonToken.START_OBJECT")
                .beginControlFlow("if (object)")
                .addStatement("rating(p, st)")
                .nextControlFlow("else")
                .addStatement("skip(p, t)")
                .endControlFlow()
                .addStatement("if (p.nextToken() != null) return malformed(\"more than one JSON value on the line\")")
                .addStatement("if (!object) return malformed(\"a rating must be a JSON object\")")
                .addStatement("return verdict(st)")
                .nextControlFlow("catch (Stop stop)")
                .addStatement("return STOPPED")
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("return malformed(\"not valid JSON: \" + e.getOriginalMessage())")
                .nextControlFlow("catch ($T e)", NumberFormatException.class)
                .addStatement("return malformed(\"not valid JSON: \" + e.getMessage())")
                .endControlFlow().build());

        String unknownTop = "`; a rating has only " + String.join(", ", TOP_LEVEL);
        Method rating = reader("rating")
                .addJavadoc("The members of the rating object, up to its end.\n")
                .addStatement("String name")
                .beginControlFlow("while ((name = p.nextFieldName()) != null)")
                .addStatement("if (seen(st, name)) throw duplicate(p, name)")
                .addStatement("$T t = p.nextToken()", JSON_TOKEN)
                .beginControlFlow("switch (name)");
        Method seen = Method.builder("seen").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class).addParameter(state, "st").addParameter(String.class, "name")
                .addJavadoc("Whether the rating object has had this key already.\n")
                .beginControlFlow("switch (name)");
        for (String field : TOP_LEVEL) seen.addStatement(f("case $S: return st.$L != ABSENT", field, field));
        seen.addStatement("default: return !st.fresh(0, name)").endControlFlow();
        type.addMethod(seen.build());
        for (String field : List.of("rubric", "version")) {
            String expected = field.equals("rubric") ? rubric.id() : rubric.version().toString();
            rating.beginControlFlow(f("case $S:", field))
                    .beginControlFlow("if (t == JsonToken.VALUE_STRING)")
                    .addStatement(inline("st.$L = STRING", field))
                    .beginControlFlow(f("if (!same(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), $S))", expected))
                    .addStatement(inline("st.$LText = p.getText()", field))
                    .endControlFlow()
                    .nextControlFlow("else")
                    .addStatement(inline("st.$L = OBJECT", field))
                    .addStatement("skip(p, t)")
                    .endControlFlow()
                    .addStatement("break")
                    .endControlFlow();
        }
        for (String field : List.of("item", "rater")) {
            rating.beginControlFlow(f("case $S:", field))
                    .beginControlFlow("if (t == JsonToken.VALUE_STRING)")
                    .addStatement(inline("st.$L = p.getTextLength() > 0 ? STRING : EMPTY_STRING", field))
                    .nextControlFlow("else")
                    .addStatement(inline("st.$L = OBJECT", field))
                    .addStatement("skip(p, t)")
                    .endControlFlow()
                    .addStatement("break")
                    .endControlFlow();
        }
        rating.beginControlFlow(f("case $S:", "answers"))
                .beginControlFlow("if (t == JsonToken.START_OBJECT)")
                .addStatement("st.answers = OBJECT")
                .addStatement("answers(p, st)")
                .nextControlFlow("else")
                .addStatement("st.answers = STRING")
                .addStatement("skip(p, t)")
                .endControlFlow()
                .addStatement("break")
                .endControlFlow()
                .beginControlFlow(f("case $S:", "justifications"))
                .beginControlFlow("if (t == JsonToken.START_OBJECT)")
                .addStatement("st.justifications = OBJECT")
                .addStatement("justifications(p, st)")
                .nextControlFlow("else")
                .addStatement("st.justifications = STRING")
                .addStatement("skip(p, t)")
                .endControlFlow()
                .addStatement("break")
                .endControlFlow()
                .beginControlFlow("default:")
                .addStatement("unknownTop(st, name)")
                .addStatement("skip(p, t)")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow();
        type.addMethod(rating.build());
        unknownKeyReport("unknownTop", "Reports a key of the rating object that is not a field of the format.", "top", "",
                "unknown field `", unknownTop);

        String notADimension = "` is not a dimension of " + rubric.id() + " " + rubric.version();
        Method answers = reader("answers")
                .addJavadoc("The members of {@code answers}: each value is read by its dimension's reader.\n")
                .addStatement("String name")
                .beginControlFlow("while ((name = p.nextFieldName()) != null)")
                .addStatement("int d = dimension(name)")
                .addStatement("if (d >= 0 ? answered(st, d) : !st.fresh(1, name)) throw duplicate(p, name)")
                .addStatement("$T t = p.nextToken()", JSON_TOKEN)
;
        if (layout.dimensionClasses() == 1) {
            answers.beginControlFlow("switch (d)");
            for (int i = 0; i < dims.size(); i++) {
                answers.addStatement(inline("case $L: answer$L(p, t, st); break", i, i));
            }
            answers.beginControlFlow("default:")
                    .addStatement("unknownAnswer(st, name)")
                    .addStatement("skip(p, t)")
                    .endControlFlow()
                    .endControlFlow();
        } else {
            answers.beginControlFlow("if (d < 0)")
                    .addStatement("unknownAnswer(st, name)")
                    .addStatement("skip(p, t)")
                    .addStatement("continue")
                    .endControlFlow()
                    .addCode(partSwitches("answersIn", n -> Method.builder(n).addParameter(JSON_PARSER, "p")
                                    .addParameter(state, "st").addParameter(int.class, "d").addParameter(JSON_TOKEN, "t")
                                    .addException(IO_EXCEPTION),
                            i -> CodeBlock.of("case $L: answer$L(p, t, st); break;\n", i, i),
                            k -> CodeBlock.of("answersIn$L(p, st, d, t);\n", k)));
        }
        answers.endControlFlow();
        type.addMethod(answers.build());
        unknownKeyReport("unknownAnswer", "Reports a key of {@code answers} that is not a dimension.", "answer", "/answers", "`",
                notADimension);
        type.addMethod(Method.builder("unknownJustification").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Keeps a key of {@code justifications} that is not a dimension, in document order, for the verdict.\n")
                .addParameter(state, "st").addParameter(String.class, "name")
                .addStatement("if (st.unknownJustifications == null) st.unknownJustifications = new $T<>()", ARRAY_LIST)
                .addStatement("st.unknownJustifications.add(name)")
                .addStatement("st.justified(-st.unknownJustifications.size())")
                .build());

        type.addMethod(reader("justifications")
                .addJavadoc("The members of {@code justifications}, kept in document order for the verdict.\n")
                .addStatement(inline("st.justificationKind = new byte[$L]", dims.size()))
                .addStatement(inline("st.justificationLength = new int[$L]", dims.size()))
                .addStatement("String name")
                .beginControlFlow("while ((name = p.nextFieldName()) != null)")
                .addStatement("int d = dimension(name)")
                .addStatement("if (d >= 0 ? st.justificationKind[d] != ABSENT : !st.fresh(2, name)) throw duplicate(p, name)")
                .addStatement("$T t = p.nextToken()", JSON_TOKEN)
                .beginControlFlow("if (d < 0)")
                .addStatement("unknownJustification(st, name)")
                .addStatement("skip(p, t)")
                .addStatement("continue")
                .endControlFlow()
                .addStatement("st.justified(d)")
                .beginControlFlow("if (t == JsonToken.VALUE_STRING)")
                .addStatement("st.justificationKind[d] = STRING")
                .addStatement("st.justificationLength[d] = Character.codePointCount(p.getTextCharacters(), p.getTextOffset(), "
                        + "p.getTextLength())")
                .nextControlFlow("else")
                .addStatement("st.justificationKind[d] = OBJECT")
                .addStatement("skip(p, t)")
                .endControlFlow()
                .endControlFlow()
                .build());
    }

    /**
     * For a validator whose dimensions are spread over parts ({@link Layout}): in each class k a method
     * {@code name + k} (its parameters from {@code signature}, {@code d} among them) that is a switch over the
     * dimensions of that class, each case written by {@code perCase}; returned, the statements that call the one
     * holding dimension {@code d} (at least 0), each call written by {@code call}. A switch over every dimension in
     * one method would pass the JVM's 64 KiB per method from a few thousand dimensions.
     */
    CodeBlock partSwitches(String name, java.util.function.Function<String, Method> signature,
            java.util.function.IntFunction<CodeBlock> perCase, java.util.function.IntFunction<CodeBlock> call) {
        CodeBlock.Builder chain = CodeBlock.builder();
        int classes = layout.dimensionClasses();
        for (int k = 0; k < classes; k++) {
            Method part = signature.apply(name + k).addModifiers(Layout.modifiers(k)).beginControlFlow("switch (d)");
            for (int i = layout.first(k); i < layout.first(k + 1); i++) part.addCode(perCase.apply(i));
            part.addStatement("default: throw new $T()", IllegalStateException.class).endControlFlow();
            layout.type(k).addMethod(part.build());
            if (k == 0) chain.beginControlFlow(inline("if (d < $L)", layout.first(1)));
            else if (k < classes - 1) chain.nextControlFlow(inline("else if (d < $L)", layout.first(k + 1)));
            else chain.nextControlFlow("else");
            chain.add(call.apply(k));
        }
        return chain.endControlFlow().build();
    }

    /**
     * {@code name(st, key)}: reports an unknown key under the JSON pointer {@code parent}, through the state's
     * list {@code list}, with the message {@code before + key + after}. Both readers call it.
     */
    private void unknownKeyReport(String name, String doc, String list, String parent, String before, String after) {
        type.addMethod(Method.builder(name).addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc(doc + "\n")
                .addParameter(state, "st").addParameter(String.class, "name")
                .addStatement("st.stop()")
                .addStatement(f("st.$L(new $T(pointer($S, name), $S, $S + name + $S))", list, violation, parent, UNKNOWN_KEY, before, after))
                .build());
    }

    /** The reader of one dimension's answer: stores it in the state and reports what is wrong with it on its scale. */
    private void answerReader(int i) {
        Dimension d = dims.get(i);
        Scale s = d.scale();
        String path = pointer("/answers", d.id());
        String title = Phrases.title(d);
        String allowed = Phrases.allowed(d);
        boolean multi = s instanceof Scale.MultiSelect;
        boolean text = s instanceof Scale.Text;
        boolean choices = s instanceof Scale.Categorical;
        Method m = Method.builder("answer" + i).addModifiers(layout.modifiersOf(i))
                .addParameter(JSON_PARSER, "p").addParameter(JSON_TOKEN, "t").addParameter(state, "st")
                .addException(IO_EXCEPTION);
        if (JavaNames.commentSafe(d.id())) m.addJavadoc("Dimension $L.\n", d.id());
        stateField(TypeName.BYTE, "k" + i);
        stateField(TypeName.INT, "c" + i);
        if (!multi && !text) {
            stateField(TypeName.LONG, "n" + i);
            stateField(TypeName.INT, "s" + i);
            stateField(BIG_DECIMAL, "b" + i);
            stateField(TypeName.BOOLEAN, "f" + i);
            stateField(STRING, "x" + i);
        }
        if (text) stateField(TypeName.INT, "l" + i);
        if (text && ((Scale.Text) s).pattern().isPresent()) {
            stateField(TypeName.BOOLEAN, "p" + i);
            layout.of(i).addField(FieldSpec.builder(java.util.regex.Pattern.class, "PATTERN" + i, layout.constantsOf(i))
                    .addJavadoc("The format of dimension $L's answer: the whole answer matches it.\n", i)
                    .initializer("$T.compile($S)", java.util.regex.Pattern.class, ((Scale.Text) s).pattern().get().portable()).build());
        }

        m.beginControlFlow("if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT)");
        m.addStatement(inline("st.k$L = NUMBER", i));
        if (!multi && !text) {
            m.addStatement("number(p, t, st)")
                    .addStatement(inline("st.n$L = st.tn", i)).addStatement(inline("st.s$L = st.ts", i))
                    .addStatement(inline("st.b$L = st.tb", i)).addStatement(inline("st.f$L = st.tf", i));
        } else {
            m.addStatement("skip(p, t)");
        }
        m.nextControlFlow("else if (t == JsonToken.VALUE_STRING)")
                .addStatement(inline("st.k$L = STRING", i))
                .addStatement("char[] c = p.getTextCharacters()")
                .addStatement("int o = p.getTextOffset()")
                .addStatement("int l = p.getTextLength()")
                .addStatement(inline("int ch = $L", choices ? "choice" + i + "(c, o, l)" : "OTHER"))
                .addStatement("if (ch == OTHER && isNotApplicable(c, o, l)) ch = NOT_APPLICABLE")
                .addStatement(inline("st.c$L = ch", i));
        if (text) m.addStatement(inline("st.l$L = Character.codePointCount(c, o, l)", i));
        if (text && ((Scale.Text) s).pattern().isPresent()) {
            m.addStatement("st.p$L = PATTERN$L.matcher($T.wrap(c, o, l)).find()", i, i, java.nio.CharBuffer.class);
        }
        if (!multi && !text) m.addStatement(inline("if (ch == OTHER) st.x$L = p.getText()", i));
        m.nextControlFlow("else if (t == JsonToken.VALUE_TRUE)")
                .addStatement(inline("st.k$L = TRUE", i))
                .nextControlFlow("else if (t == JsonToken.VALUE_FALSE)")
                .addStatement(inline("st.k$L = FALSE", i))
                .nextControlFlow("else if (t == JsonToken.VALUE_NULL)")
                .addStatement(inline("st.k$L = NULL", i))
                .nextControlFlow("else if (t == JsonToken.START_ARRAY)")
                .addStatement(inline("st.k$L = ARRAY", i));
        if (multi) {
            Scale.MultiSelect ms = (Scale.MultiSelect) s;
            for (int w = 0; w < words(ms); w++) stateField(TypeName.LONG, "m" + i + "_" + w);
            m.addStatement("int size = 0")
                    .addStatement("$T item", JSON_TOKEN)
                    .beginControlFlow("while ((item = p.nextToken()) != JsonToken.END_ARRAY)")
                    .addStatement("int at = size++")
                    .beginControlFlow("if (item == JsonToken.VALUE_STRING)")
                    .addStatement(inline("int ch = choice$L(p.getTextCharacters(), p.getTextOffset(), p.getTextLength())", i))
                    .addStatement(inline("if (ch < 0) offChoice$L(st, at, p.getText())", i))
                    .addStatement(inline("else if (!select$L(st, ch)) twice$L(st, at, ch)", i, i))
                    .nextControlFlow("else")
                    .addStatement("skip(p, item)")
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S + at, $S, $S))", violation, path + "/", WRONG_TYPE,
                            "each answer of " + title + " must be a choice id: " + allowed))
                    .endControlFlow()
                    .endControlFlow();
            m.addStatement(inline("size$L(st, size)", i)).addStatement("return");
            itemChecks(i, ms, path, title, allowed);
        } else if (text) {
            m.addStatement("skip(p, t)");
        } else {
            m.addStatement(inline("st.x$L = capture(p, t)", i));
        }
        m.nextControlFlow("else")
                .addStatement(inline("st.k$L = OBJECT", i))
                .addStatement(multi || text ? "skip(p, t)" : "st.x" + i + " = capture(p, t)")
                .endControlFlow();

        m.addStatement(inline("check$L(st)", i));
        layout.of(i).addMethod(m.build());

        // On its scale, in the order of the runtime validator's checks; shared by both readers.
        m = Method.builder("check" + i).addModifiers(layout.modifiersOf(i)).addParameter(state, "st");
        if (JavaNames.commentSafe(d.id())) m.addJavadoc("Whether the answer read for $L is on its scale.\n", d.id());
        if (d.notApplicable().isPresent()) m.addStatement(inline("if (st.k$L == STRING && st.c$L == NOT_APPLICABLE) return", i, i));
        if (s instanceof Scale.Ordinal || s instanceof Scale.Numeric) {
            boolean ordinal = s instanceof Scale.Ordinal;
            m.beginControlFlow(inline("if (st.k$L != NUMBER)", i))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, WRONG_TYPE, title + " must be a number: " + allowed))
                    .nextControlFlow(ordinal ? "else if (point$L(st.n$L, st.s$L, st.b$L) < 0)" : "else if (!accepts$L(st.n$L, st.s$L, st.b$L))",
                            i, i, i, i)
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, cut(numberJson(st.n$L, st.s$L, st.b$L, st.f$L)) + $S))", violation, path,
                            NOT_ON_SCALE, i, i, i, i, (ordinal ? " is not a point of " : " is not allowed for ") + title + ": " + allowed))
                    .endControlFlow();
            if (ordinal) pointLookup(i, (Scale.Ordinal) s);
            else rangeCheck(i, (Scale.Numeric) s);
        } else if (choices) {
            m.beginControlFlow(inline("if (st.k$L != STRING)", i))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, WRONG_TYPE, title + " must be a choice id: " + allowed))
                    .nextControlFlow(inline("else if (st.c$L < 0)", i))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, cut(st.c$L == NOT_APPLICABLE ? $S : quote(st.x$L)) + $S))", violation, path,
                            NOT_ON_SCALE, i, "\"n/a\"", i, " is not a choice of " + title + ": " + allowed))
                    .endControlFlow();
            choiceLookup(i, ((Scale.Categorical) s).choices());
        } else if (s instanceof Scale.Bool) {
            m.beginControlFlow(inline("if (st.k$L != TRUE && st.k$L != FALSE)", i, i))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, WRONG_TYPE, title + " must be true or false: " + allowed))
                    .endControlFlow();
        } else if (multi) {
            m.addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, WRONG_TYPE,
                            title + " must be an array of choice ids: " + allowed));
            Scale.MultiSelect ms = (Scale.MultiSelect) s;
            choiceLookup(i, ms.choices());
            Method select = Method.builder("select" + i).addModifiers(layout.modifiersOf(i))
                    .returns(boolean.class).addParameter(state, "st").addParameter(int.class, "ch")
                    .addJavadoc("Selects a choice; false when it was selected already.\n")
                    .addStatement("long bit = 1L << (ch & 63)")
                    .beginControlFlow("switch (ch >>> 6)");
            for (int w = 0; w < words(ms); w++) {
                select.beginControlFlow(inline("case $L:", w))
                        .addStatement(inline("if ((st.m$L_$L & bit) != 0) return false", i, w))
                        .addStatement(inline("st.m$L_$L |= bit", i, w))
                        .addStatement("return true")
                        .endControlFlow();
            }
            select.beginControlFlow("default:").addStatement("throw new $T()", IllegalStateException.class).endControlFlow()
                    .endControlFlow();
            layout.of(i).addMethod(select.build());
        } else {
            Scale.Text t = (Scale.Text) s;
            m.beginControlFlow(inline("if (st.k$L != STRING)", i))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, WRONG_TYPE, title + " must be text"))
                    .nextControlFlow(inline("else if (st.l$L < $L)", i, t.minLength()))
                    .addStatement("st.stop()")
                    .addStatement(f("st.answer(new $T($S, $S, $S + st.l$L + $S))", violation, path, TEXT_TOO_SHORT,
                            title + " needs at least " + t.minLength() + " characters (got ", i, ")"));
            if (t.maxLength().isPresent()) {
                m.nextControlFlow(inline("else if (st.l$L > $L)", i, t.maxLength().get()))
                        .addStatement("st.stop()")
                        .addStatement(f("st.answer(new $T($S, $S, $S + st.l$L + $S))", violation, path, TEXT_TOO_LONG,
                                title + " allows at most " + t.maxLength().get() + " characters (got ", i, ")"));
            }
            if (t.pattern().isPresent()) {
                m.nextControlFlow(inline("else if (!st.p$L)", i))
                        .addStatement("st.stop()")
                        .addStatement(f("st.answer(new $T($S, $S, $S))", violation, path, TEXT_PATTERN, title + t.pattern().get().mismatch()));
            }
            m.endControlFlow();
        }
        layout.of(i).addMethod(m.build());
    }

    /** The checks of one item of a multi-select answer and of its size, shared by both readers. */
    private void itemChecks(int i, Scale.MultiSelect ms, String path, String title, String allowed) {
        layout.of(i).addMethod(Method.builder("offChoice" + i).addModifiers(layout.modifiersOf(i))
                .addParameter(state, "st").addParameter(int.class, "at").addParameter(String.class, "text")
                .addStatement("st.stop()")
                .addStatement(f("st.answer(new $T($S + at, $S, cut(quote(text)) + $S))", violation, path + "/",
                        NOT_ON_SCALE, " is not a choice of " + title + ": " + allowed))
                .build());
        layout.of(i).addMethod(Method.builder("twice" + i).addModifiers(layout.modifiersOf(i))
                .addParameter(state, "st").addParameter(int.class, "at").addParameter(int.class, "ch")
                .addStatement("st.stop()")
                .addStatement(f("st.answer(new $T($S + at, $S, cut(quote(CHOICES$L[ch])) + $S))", violation, path + "/",
                        DUPLICATE_CHOICE, i, " is selected twice in " + title))
                .build());
        layout.of(i).addMethod(Method.builder("size" + i).addModifiers(layout.modifiersOf(i))
                .addParameter(state, "st").addParameter(int.class, "size")
                .beginControlFlow(inline("if (size < $L)", ms.min()))
                .addStatement("st.stop()")
                .addStatement(f("st.answer(new $T($S, $S, $S + size + $S))", violation, path, TOO_FEW_CHOICES,
                        title + " needs at least " + ms.min() + (ms.min() == 1 ? " choice" : " choices") + " (got ", ")"))
                .nextControlFlow(inline("else if (size > $L)", ms.max()))
                .addStatement("st.stop()")
                .addStatement(f("st.answer(new $T($S, $S, $S + size + $S))", violation, path, TOO_MANY_CHOICES,
                        title + " allows at most " + ms.max() + (ms.max() == 1 ? " choice" : " choices") + " (got ", ")"))
                .endControlFlow()
                .build());
    }

    private static int words(Scale.MultiSelect m) {
        return Math.max(1, (m.choices().size() + 63) / 64);
    }

    private void stateField(TypeName t, String name) {
        stateType.addField(t, name);
    }

    /** {@code choiceI(chars, offset, length)}: the index of the choice with that id, or OTHER; and the ids as {@code CHOICESi}. */
    private void choiceLookup(int i, List<Scale.Choice> choices) {
        Method m = Method.builder("choice" + i).addModifiers(layout.modifiersOf(i))
                .returns(int.class).addParameter(char[].class, "c").addParameter(int.class, "o").addParameter(int.class, "l");
        CodeBlock.Builder ids = CodeBlock.builder();
        for (int k = 0; k < choices.size(); k++) {
            m.addStatement(f("if (same(c, o, l, $S)) return $L", choices.get(k).id(), k));
            ids.add(k == 0 ? "$L" : ", $L", JavaNames.literal(choices.get(k).id()));
        }
        m.addStatement("return OTHER");
        layout.of(i).addMethod(m.build());
        layout.of(i).addField(FieldSpec.builder(ArrayTypeName.of(STRING), "CHOICES" + i, layout.constantsOf(i))
                .initializer("{$L}", ids.build()).build());
    }

    /** {@code pointI(n, s, b)}: the index of the point with that value, or -1. */
    private void pointLookup(int i, Scale.Ordinal o) {
        Method m = Method.builder("point" + i).addModifiers(layout.modifiersOf(i))
                .returns(int.class).addParameter(long.class, "n").addParameter(int.class, "s").addParameter(BIG_DECIMAL, "b");
        m.beginControlFlow("if (b == null)");
        for (int k = 0; k < o.points().size(); k++) {
            Optional<Exact> e = Exact.of(o.points().get(k).value());
            if (e.isPresent()) m.addStatement(inline("if (n == $LL && s == $L) return $L", e.get().unscaled(), e.get().scale(), k));
        }
        m.nextControlFlow("else");
        for (int k = 0; k < o.points().size(); k++) {
            BigDecimal v = o.points().get(k).value();
            if (Exact.of(v).isEmpty()) m.addStatement(inline("if (b.compareTo($L) == 0) return $L", number(v), k));
        }
        m.endControlFlow().addStatement("return -1");
        layout.of(i).addMethod(m.build());
    }

    /** {@code acceptsI(n, s, b)}: whether a number is on the range scale; exact, as {@link Scale.Numeric#accepts}. */
    private void rangeCheck(int i, Scale.Numeric r) {
        Method m = Method.builder("accepts" + i).addModifiers(layout.modifiersOf(i))
                .returns(boolean.class).addParameter(long.class, "n").addParameter(int.class, "s").addParameter(BIG_DECIMAL, "b");
        Optional<Exact> min = Exact.of(r.min()), max = Exact.of(r.max());
        Optional<Exact> step = r.step().flatMap(Exact::of);
        if (min.isPresent() && max.isPresent() && (r.step().isEmpty() || step.isPresent())) {
            int scale = Math.max(min.get().scale(), Math.max(max.get().scale(), step.map(Exact::scale).orElse(0)));
            Optional<Long> lo = min.get().at(scale), hi = max.get().at(scale), st = step.flatMap(x -> x.at(scale));
            boolean spanFits = lo.isPresent() && hi.isPresent()
                    && BigDecimal.valueOf(hi.get()).subtract(BigDecimal.valueOf(lo.get())).abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
            if (scale <= 18 && spanFits && (r.step().isEmpty() || st.isPresent())) {
                m.beginControlFlow(inline("if (b == null && s <= $L)", scale))
                        .addStatement(inline("long f = POWERS_OF_TEN[$L - s]", scale));
                m.beginControlFlow("if (f == 1 || (n <= Long.MAX_VALUE / f && n >= Long.MIN_VALUE / f))")
                        .addStatement("long v = n * f")
                        .addStatement(inline("return v >= $LL && v <= $LL$L", lo.get(), hi.get(),
                                st.isPresent() ? " && (v - " + lo.get() + "L) % " + st.get() + "L == 0" : ""))
                        .endControlFlow()
                        .endControlFlow();
            }
        }
        m.addStatement("$T v = big(n, s, b)", BIG_DECIMAL)
                .addStatement(inline("if (v.compareTo($L) < 0 || v.compareTo($L) > 0) return false", number(r.min()), number(r.max())));
        if (r.step().isPresent()) m.addStatement(inline("return v.subtract($L).remainder($L).signum() == 0", number(r.min()), number(r.step().get())));
        else m.addStatement("return true");
        layout.of(i).addMethod(m.build());
    }

    /** The name of a BigDecimal constant holding the value. */
    private String number(BigDecimal v) {
        String text = new Value.Number(v).value().toString();
        return numbers.computeIfAbsent(text, k -> "N" + numbers.size());
    }

    // ---------------------------------------------------------------------------------------------
    // The verdict
    // ---------------------------------------------------------------------------------------------

    private void verdict() {
        String id = rubric.id(), version = rubric.version().toString();
        Method m = Method.builder("verdict").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(violations).addParameter(state, "st")
                .addJavadoc("Every violation of a rating read whole, in the runtime validator's order: top-level keys,\n"
                        + "identity, item and rater, answers on their scales, which questions are asked, justifications,\n"
                        + "required justifications, rules.\n")
                .addStatement("if (st.top != null) st.addAll(st.top)");
        topField(m, "rubric", "/rubric", "`rubric` is missing; it must be \"" + id + "\"", "`rubric` must be the string \"" + id + "\"");
        m.beginControlFlow("else if (st.rubricText != null)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S + st.rubricText + $S))", violation, "/rubric", WRONG_RUBRIC,
                        "this rating is for rubric \"", "\", not \"" + id + "\""))
                .endControlFlow();
        topField(m, "version", "/version", "`version` is missing; it must be \"" + version + "\"",
                "`version` must be the string \"" + version + "\"");
        m.beginControlFlow("else if (st.versionText != null)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S + st.versionText + $S))", violation, "/version", WRONG_VERSION,
                        "this rating was written for version ", " of " + id + ", not for version " + version))
                .endControlFlow();
        for (String f : List.of("item", "rater")) {
            topField(m, f, "/" + f, "`" + f + "` is missing", null);
            m.beginControlFlow(inline("else if (st.$L != STRING)", f))
                    .addStatement("st.stop()")
                    .addStatement(f("st.add(new $T($S, $S, $S))", violation, "/" + f, WRONG_TYPE, "`" + f + "` must be a non-empty string"))
                    .endControlFlow();
        }
        m.beginControlFlow("if (st.answers == ABSENT)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S))", violation, "/answers", MISSING_FIELD, "`answers` is missing"))
                .addStatement("return st.result()")
                .endControlFlow()
                .beginControlFlow("if (st.answers != OBJECT)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S))", violation, "/answers", WRONG_TYPE, "`answers` must be an object"))
                .addStatement("return st.result()")
                .endControlFlow()
                .beginControlFlow("if (st.justifications != ABSENT && st.justifications != OBJECT)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S))", violation, "/justifications", WRONG_TYPE, "`justifications` must be an object"))
                .endControlFlow()
                .addStatement("if (st.answerValues != null) st.addAll(st.answerValues)");

        // Which questions are asked.
        List<Block> asked = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            Optional<Condition> skip = rubric.skipCondition(d);
            String path = pointer("/answers", d.id());
            Body b = new Body();
            if (skip.isPresent()) {
                b.beginControlFlow("if ($L)", condition(skip.get()))
                        .beginControlFlow(inline("if (st.k$L != ABSENT)", i))
                        .addStatement("st.stop()")
                        .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, ANSWERED_WHEN_SKIPPED, Phrases.title(d)
                                + " is skipped for this rating (skip when " + skip.get().toSource() + "), so it must not be answered"))
                        .endControlFlow();
                if (d.required()) {
                    b.nextControlFlow(inline("else if (st.k$L == ABSENT)", i))
                            .addStatement("st.stop()")
                            .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, MISSING_ANSWER, Phrases.title(d)
                                    + " is required (it is skipped only when " + skip.get().toSource() + ")"));
                }
                b.endControlFlow();
            } else if (d.required()) {
                b.beginControlFlow(inline("if (st.k$L == ABSENT)", i))
                        .addStatement("st.stop()")
                        .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, MISSING_ANSWER, Phrases.title(d) + " is required"))
                        .endControlFlow();
            }
            if (!b.isEmpty()) asked.add(new Block(layout.home(i), b.build()));
        }

        // Justifications given, in document order.
        Body loop = new Body();
        loop.beginControlFlow("for (int e = 0; e < st.justifiedCount; e++)")
                .addStatement("int d = st.justified[e]")
                .beginControlFlow("if (d < 0)")
                .addStatement("st.stop()")
                .addStatement("String name = st.unknownJustifications.get(-d - 1)")
                .addStatement(f("st.add(new $T(pointer(\"/justifications\", name), $S, \"`\" + name + $S))", violation, UNKNOWN_KEY,
                        "` is not a dimension of " + id + " " + version))
                .addStatement("continue")
                .endControlFlow()
                .beginControlFlow("if (st.justificationKind[d] != STRING)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T(JUSTIFICATION_PATHS[d], $S, $S + TITLES[d] + $S))", violation, WRONG_TYPE,
                        "the justification of ", " must be text"))
                .endControlFlow()
                .beginControlFlow("if (!answered(st, d))")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T(JUSTIFICATION_PATHS[d], $S, $S + TITLES[d] + $S))", violation,
                        JUSTIFICATION_WITHOUT_ANSWER, "there is a justification for ", " but no answer"))
                .endControlFlow()
                .endControlFlow();

        // Justifications the dimensions require.
        List<Block> required = new ArrayList<>();
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            if (d.justifications().isEmpty()) continue;
            Body b = new Body();
            b.beginControlFlow(inline("if (st.k$L != ABSENT)", i));
            for (Dimension.Justification j : d.justifications()) {
                String reason = "a justification is required for " + Phrases.title(d) + j.when().map(w -> " when " + w.toSource()).orElse("");
                if (j.when().isPresent()) b.addStatement(f("if ($L) justify(st, $L, $L, $S)", condition(j.when().get()), i, j.minLength(), reason));
                else b.addStatement(f("justify(st, $L, $L, $S)", i, j.minLength(), reason));
            }
            b.endControlFlow();
            required.add(new Block(layout.home(i), b.build()));
        }

        // Rules.
        List<Block> ruleBlocks = new ArrayList<>();
        for (Rule r : rubric.enforcedRules()) {
            if (r.guidanceOnly()) continue;
            Body b = new Body();
            if (r.when().isPresent()) b.beginControlFlow("if ($L)", condition(r.when().get()));
            String rule = Phrases.rule(r);
            for (Constraint c : r.constraints()) {
                int i = index.get(c.target());
                Dimension d = dims.get(i);
                String path = pointer("/answers", d.id());
                if (c instanceof Constraint.Require) {
                    b.beginControlFlow(inline("if (st.k$L == ABSENT)", i))
                            .addStatement("st.stop()")
                            .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, RULE_VIOLATED,
                                    rule + ": " + Phrases.title(d) + " must be answered"))
                            .endControlFlow();
                } else if (c instanceof Constraint.Justify j) {
                    b.addStatement(f("if (st.k$L != ABSENT) justify(st, $L, $L, $S)", i, i, j.minLength(),
                            rule + ": a justification is required for " + Phrases.title(d)));
                } else {
                    b.beginControlFlow("if (st.k$L != ABSENT && !($L))", i, satisfies(i, c))
                            .addStatement("st.stop()")
                            .addStatement(f("st.add(new $T($S, $S, $S + got$L(st) + $S))", violation, path, RULE_VIOLATED,
                                    rule + ": " + Phrases.constraint(d, c) + " (got ", i, ")"))
                            .endControlFlow();
                    given(i);
                }
            }
            if (r.when().isPresent()) b.endControlFlow();
            ruleBlocks.add(new Block(0, b.build()));
        }
        place(ruleBlocks);
        emit(m, List.of(asked, List.of(new Block(0, loop.build())), required, ruleBlocks));
        m.addStatement("return st.result()");
        type.addMethod(m.build());

        type.addMethod(Method.builder("justify").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addJavadoc("Reports a missing or too short justification of dimension {@code d}.\n")
                .addParameter(state, "st").addParameter(int.class, "d").addParameter(int.class, "min").addParameter(String.class, "reason")
                .beginControlFlow("if (st.justificationKind == null || st.justificationKind[d] == ABSENT)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T(JUSTIFICATION_PATHS[d], $S, reason + (min > 1 ? $S + min + $S : $S)))", violation,
                        MISSING_JUSTIFICATION, " (at least ", " characters)", ""))
                .nextControlFlow("else if (st.justificationKind[d] == STRING && st.justificationLength[d] < min)")
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T(JUSTIFICATION_PATHS[d], $S, reason + $S + min + $S + st.justificationLength[d] + $S))",
                        violation, JUSTIFICATION_TOO_SHORT, ": at least ", " characters (got ", ")"))
                .endControlFlow()
                .build());
    }

    /**
     * A block of statements of the verdict, the class ({@link Layout}) that holds the constants it uses, and the
     * characters of its code (about as {@link Layout#METHOD_CHARS} counts them; written out once, here).
     */
    private record Block(int home, CodeBlock code, int chars) {
        Block(int home, CodeBlock code) {
            this(home, code, code.toString().length());
        }
    }

    /**
     * Where the rules' blocks go: in the outer class while the validator has no parts and the rules are short; else
     * in parts of their own, {@link Layout#RULE_CHARS} of code each, so that no class passes the JVM's limits.
     */
    private void place(List<Block> rules) {
        long total = rules.stream().mapToLong(Block::chars).sum();
        if (layout.dimensionClasses() == 1 && total <= Layout.RULE_CHARS) return;
        int part = -1;
        long size = 0;
        for (int r = 0; r < rules.size(); r++) {
            int n = rules.get(r).chars();
            if (part < 0 || size + n > Layout.RULE_CHARS) {
                part = layout.open();
                size = 0;
            }
            size += n;
            rules.set(r, new Block(part, rules.get(r).code(), n));
        }
    }

    /**
     * Adds the verdict's blocks, in order, to the verdict: in it, while every block uses the outer class and all fit
     * one method; else each run of blocks of one class, up to {@link Layout#METHOD_CHARS} of code, as a method
     * {@code verdictN(st)} of that class, called from the verdict in order. The order of the checks, and so of the
     * violations, is the same either way.
     */
    private void emit(Method m, List<List<Block>> segments) {
        List<Block> all = segments.stream().flatMap(List::stream).toList();
        if (all.stream().allMatch(b -> b.home() == 0) && all.stream().mapToLong(Block::chars).sum() <= Layout.METHOD_CHARS) {
            all.forEach(b -> m.addCode(b.code()));
            return;
        }
        int methods = 0;
        for (List<Block> segment : segments) {
            int from = 0;
            while (from < segment.size()) {
                int home = segment.get(from).home();
                Method part = Method.builder("verdict" + ++methods).addModifiers(Layout.modifiers(home))
                        .addParameter(state, "st");
                long size = 0;
                int to = from;
                while (to < segment.size() && segment.get(to).home() == home
                        && (to == from || size + segment.get(to).chars() <= Layout.METHOD_CHARS)) {
                    size += segment.get(to).chars();
                    part.addCode(segment.get(to++).code());
                }
                layout.type(home).addMethod(part.build());
                m.addStatement(inline("verdict$L(st)", methods));
                from = to;
            }
        }
    }

    private void topField(Method m, String field, String path, String missing, String wrongType) {
        m.beginControlFlow(inline("if (st.$L == ABSENT)", field))
                .addStatement("st.stop()")
                .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, MISSING_FIELD, missing));
        if (wrongType != null) {
            m.nextControlFlow(inline("else if (st.$L != STRING)", field))
                    .addStatement("st.stop()")
                    .addStatement(f("st.add(new $T($S, $S, $S))", violation, path, WRONG_TYPE, wrongType));
        }
        m.endControlFlow();
    }

    private final java.util.Set<Integer> given = new java.util.TreeSet<>();

    /** Marks that {@code gotI(st)} (the answer as a rule's message shows it) is needed. */
    private void given(int i) {
        given.add(i);
    }

    /** {@code gotI(st)}: the answer given for dimension i, as the runtime validator's rule messages show it. */
    private void gotMethod(int i) {
        Dimension d = dims.get(i);
        Scale s = d.scale();
        Method m = Method.builder("got" + i).addModifiers(layout.modifiersOf(i))
                .returns(String.class).addParameter(state, "st");
        if (s instanceof Scale.Ordinal o) {
            CodeBlock.Builder labels = CodeBlock.builder();
            for (int k = 0; k < o.points().size(); k++) {
                labels.add(k == 0 ? "$L" : ", $L", JavaNames.literal(Phrases.value(d, o.points().get(k).asValue())));
            }
            layout.of(i).addField(FieldSpec.builder(ArrayTypeName.of(STRING), "POINTS" + i, layout.constantsOf(i))
                    .initializer("{$L}", labels.build()).build());
            m.beginControlFlow(inline("if (st.k$L == NUMBER)", i))
                    .addStatement(inline("int k = point$L(st.n$L, st.s$L, st.b$L)", i, i, i, i))
                    .addStatement(inline("return k >= 0 ? POINTS$L[k] : plain(st.n$L, st.s$L, st.b$L)", i, i, i, i))
                    .endControlFlow();
        } else if (s instanceof Scale.Categorical c) {
            CodeBlock.Builder labels = CodeBlock.builder();
            for (int k = 0; k < c.choices().size(); k++) {
                labels.add(k == 0 ? "$L" : ", $L", JavaNames.literal(Phrases.value(d, new Value.Choice(c.choices().get(k).id()))));
            }
            layout.of(i).addField(FieldSpec.builder(ArrayTypeName.of(STRING), "VALUES" + i, layout.constantsOf(i))
                    .initializer("{$L}", labels.build()).build());
            m.beginControlFlow(inline("if (st.k$L == STRING)", i))
                    .addStatement(f("return st.c$L >= 0 ? VALUES$L[st.c$L] : st.c$L == NOT_APPLICABLE ? $S : \"\\\"\" + st.x$L + \"\\\"\"",
                            i, i, i, i, Phrases.value(d, new Value.Choice("n/a")), i))
                    .endControlFlow();
        } else if (s instanceof Scale.Bool) {
            m.addStatement(f("if (st.k$L == TRUE) return $S", i, Phrases.value(d, new Value.Bool(true))))
                    .addStatement(f("if (st.k$L == FALSE) return $S", i, Phrases.value(d, new Value.Bool(false))));
        }
        m.addStatement(inline("return cut(json$L(st))", i));
        layout.of(i).addMethod(m.build());
        Method json = Method.builder("json" + i).addModifiers(layout.modifiersOf(i))
                .returns(String.class).addParameter(state, "st")
                .addStatement(inline("if (st.k$L == NUMBER) return numberJson(st.n$L, st.s$L, st.b$L, st.f$L)", i, i, i, i, i))
                .beginControlFlow(inline("if (st.k$L == STRING)", i));
        if (s instanceof Scale.Categorical) json.addStatement(inline("if (st.c$L >= 0) return quote(CHOICES$L[st.c$L])", i, i, i));
        json.addStatement(f("return st.c$L == NOT_APPLICABLE ? $S : quote(st.x$L)", i, "\"n/a\"", i))
                .endControlFlow()
                .addStatement(f("if (st.k$L == TRUE) return $S", i, "true"))
                .addStatement(f("if (st.k$L == FALSE) return $S", i, "false"))
                .addStatement(f("if (st.k$L == NULL) return $S", i, "null"))
                .addStatement(inline("return st.x$L", i));
        layout.of(i).addMethod(json.build());
    }

    /** Dimension lookups for justifications, titles and paths by index. */
    private void lookups() {
        for (int i : given) gotMethod(i);
        if (layout.dimensionClasses() > 1 || dims.stream().anyMatch(d -> !JavaNames.fitsOneConstant(d.id()))) {
            largeLookups();
            return;
        }
        Method dimension = Method.builder("dimension").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class).addParameter(String.class, "id")
                .addJavadoc("The index of the dimension with this id, in asking order, or -1.\n")
                .beginControlFlow("switch (id)");
        StringJoiner titles = new StringJoiner(", "), paths = new StringJoiner(", ");
        for (int i = 0; i < dims.size(); i++) {
            Dimension d = dims.get(i);
            dimension.addStatement(f("case $S: return $L", d.id(), i));
            titles.add(JavaNames.literal(Phrases.title(d)));
            paths.add(JavaNames.literal(pointer("/justifications", d.id())));
        }
        dimension.addStatement("default: return -1").endControlFlow();
        type.addMethod(dimension.build());
        answered();
        type.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "TITLES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", titles.toString()).build());
        type.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "JUSTIFICATION_PATHS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("{$L}", paths.toString()).build());
    }

    /**
     * The lookups of {@link #lookups} for a validator with parts, or with an id too long for a {@code case} label:
     * the ids, titles and justification paths of each class's dimensions are arrays in that class, joined into
     * one array each when the validator is loaded; ids are found through a hash map, answers through
     * {@link #partSwitches}. Each array's elements are one string of code (literals have no line break), which
     * JavaPoet writes in one piece.
     */
    private void largeLookups() {
        StringJoiner ids = new StringJoiner(", "), titles = new StringJoiner(", "), paths = new StringJoiner(", ");
        for (int k = 0; k < layout.dimensionClasses(); k++) {
            StringJoiner id = new StringJoiner(", "), title = new StringJoiner(", "), path = new StringJoiner(", ");
            for (int i = layout.first(k); i < layout.first(k + 1); i++) {
                id.add(JavaNames.literal(dims.get(i).id()));
                title.add(JavaNames.literal(Phrases.title(dims.get(i))));
                path.add(JavaNames.literal(pointer("/justifications", dims.get(i).id())));
            }
            Modifier[] constant = k == 0 ? new Modifier[] {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL}
                    : new Modifier[] {Modifier.STATIC, Modifier.FINAL};
            TypeSpec.Builder home = layout.type(k);
            home.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "IDS_" + k, constant).initializer("{$L}", id.toString()).build());
            home.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "TITLES_" + k, constant).initializer("{$L}", title.toString()).build());
            home.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "PATHS_" + k, constant).initializer("{$L}", path.toString()).build());
            ids.add("IDS_" + k);
            titles.add("TITLES_" + k);
            paths.add("PATHS_" + k);
        }
        type.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "TITLES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("join($L)", titles.toString()).build());
        type.addField(FieldSpec.builder(ArrayTypeName.of(STRING), "JUSTIFICATION_PATHS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("join($L)", paths.toString()).build());
        TypeName index = ParameterizedTypeName.get(ClassName.get(java.util.HashMap.class), STRING, ClassName.get(Integer.class));
        type.addField(FieldSpec.builder(index, "DIMENSIONS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("The index of each dimension by its id.\n")
                .initializer("index(join($L))", ids.toString()).build());
        type.addMethod(Method.builder("join").addModifiers(Modifier.PRIVATE, Modifier.STATIC).varargs()
                .returns(ArrayTypeName.of(STRING)).addParameter(ArrayTypeName.of(ArrayTypeName.of(STRING)), "parts")
                .addJavadoc("The arrays one after the other, as one array.\n")
                .addStatement("int n = 0")
                .addStatement("for (String[] part : parts) n += part.length")
                .addStatement("String[] all = new String[n]")
                .addStatement("int at = 0")
                .beginControlFlow("for (String[] part : parts)")
                .addStatement("System.arraycopy(part, 0, all, at, part.length)")
                .addStatement("at += part.length")
                .endControlFlow()
                .addStatement("return all").build());
        type.addMethod(Method.builder("index").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(index).addParameter(ArrayTypeName.of(STRING), "ids")
                .addStatement("$T map = new $T<>(ids.length * 2)", index, java.util.HashMap.class)
                .addStatement("for (int i = 0; i < ids.length; i++) map.put(ids[i], i)")
                .addStatement("return map").build());
        type.addMethod(Method.builder("dimension").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class).addParameter(String.class, "id")
                .addJavadoc("The index of the dimension with this id, in asking order, or -1.\n")
                .addStatement("Integer d = DIMENSIONS.get(id)")
                .addStatement("return d == null ? -1 : d").build());
        answered();
    }

    /** {@code answered(st, d)}: whether dimension {@code d} has an answer; a switch, per part when there are parts. */
    private void answered() {
        Method answered = Method.builder("answered").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(boolean.class).addParameter(state, "st").addParameter(int.class, "d");
        if (layout.dimensionClasses() == 1) {
            answered.beginControlFlow("switch (d)");
            for (int i = 0; i < dims.size(); i++) answered.addStatement(inline("case $L: return st.k$L != ABSENT", i, i));
            answered.addStatement("default: return false").endControlFlow();
        } else {
            answered.addCode(partSwitches("answeredIn", n -> Method.builder(n).returns(boolean.class)
                    .addParameter(state, "st").addParameter(int.class, "d"),
                    i -> CodeBlock.of("case $L: return st.k$L != ABSENT;\n", i, i),
                    k -> CodeBlock.of("return answeredIn$L(st, d);\n", k)));
        }
        type.addMethod(answered.build());
    }

    // ---------------------------------------------------------------------------------------------
    // Conditions and constraints as Java expressions over the state
    // ---------------------------------------------------------------------------------------------

    /** A condition (README, "Conditions"): an atom is false when its dimension has no answer. */
    String condition(Condition c) {
        if (c instanceof Condition.And a) return join(a.operands(), " && ");
        if (c instanceof Condition.Or o) return join(o.operands(), " || ");
        if (c instanceof Condition.Not n) return code("!($L)", condition(n.operand()));
        int i = index.get(((Condition.Atom) c).dimension());
        if (c instanceof Condition.Answered) return code("st.k$L != ABSENT", i);
        if (c instanceof Condition.Compare cmp) {
            return switch (cmp.op()) {
                case EQ -> equal(i, cmp.value());
                case NE -> code("(st.k$L != ABSENT && !($L))", i, equal(i, cmp.value()));
                default -> ordered(i, cmp.op(), cmp.value());
            };
        }
        if (c instanceof Condition.In in) return oneOf(i, in.values());
        String choice = ((Condition.Contains) c).choice();
        Scale.MultiSelect m = (Scale.MultiSelect) dims.get(i).scale();
        int k = indexOf(m.choices(), choice);
        return code("(st.k$L == ARRAY && (st.m$L_$L & $LL) != 0)", i, i, k >>> 6, 1L << (k & 63));
    }

    private String join(List<Condition> operands, String op) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < operands.size(); k++) b.append(k == 0 ? "" : op).append(condition(operands.get(k)));
        return b.append(")").toString();
    }

    /** Whether the answer equals a constant: numbers by value, strings and booleans exactly, other types never. */
    private String equal(int i, Value v) {
        Dimension d = dims.get(i);
        if (v instanceof Value.NotApplicable) return code("(st.k$L == STRING && st.c$L == NOT_APPLICABLE)", i, i);
        if (v instanceof Value.Bool b) return code("st.k$L == $L", i, b.value() ? "TRUE" : "FALSE");
        if (v instanceof Value.Choice ch) {
            if (!(d.scale() instanceof Scale.Categorical c)) {
                throw new IllegalArgumentException("choice " + ch.id() + " on " + d.id() + ", which is not categorical");
            }
            return code("(st.k$L == STRING && st.c$L == $L)", i, i, indexOf(c.choices(), ch.id()));
        }
        BigDecimal n = ((Value.Number) v).value();
        requireNumbers(d);
        Optional<Exact> e = Exact.of(n);
        if (e.isPresent()) {
            return code("(st.k$L == NUMBER && st.b$L == null && st.n$L == $LL && st.s$L == $L)", i, i, i, e.get().unscaled(),
                    i, e.get().scale());
        }
        return code("(st.k$L == NUMBER && st.b$L != null && st.b$L.compareTo($L) == 0)", i, i, i, number(n));
    }

    private String ordered(int i, Condition.Op op, Value v) {
        if (!(v instanceof Value.Number num)) return code("false");
        requireNumbers(dims.get(i));
        Optional<Exact> e = Exact.of(num.value());
        String cmp = code("cmp(st.n$L, st.s$L, st.b$L, $LL, $L, $L)", i, i, i, e.map(Exact::unscaled).orElse(0L),
                e.map(Exact::scale).orElse(Integer.MIN_VALUE), number(num.value()));
        String sign = switch (op) {
            case LT -> " < 0";
            case LE -> " <= 0";
            case GT -> " > 0";
            case GE -> " >= 0";
            default -> throw new IllegalArgumentException(op.symbol());
        };
        return code("(st.k$L == NUMBER && $L$L)", i, cmp, sign);
    }

    private String oneOf(int i, List<Value> values) {
        StringBuilder b = new StringBuilder("(");
        for (int k = 0; k < values.size(); k++) b.append(k == 0 ? "" : " || ").append(equal(i, values.get(k)));
        return b.append(")").toString();
    }

    /** Whether an answer (known to be present) satisfies a value constraint; "n/a" satisfies all but {@code forbid}. */
    private String satisfies(int i, Constraint c) {
        if (c instanceof Constraint.Forbid f) return code("!$L", oneOf(i, f.values()));
        String na = code("(st.k$L == STRING && st.c$L == NOT_APPLICABLE)", i, i);
        if (c instanceof Constraint.OneOf o) return code("$L || $L", na, oneOf(i, o.values()));
        Constraint.Bound b = (Constraint.Bound) c;
        return switch (b.op()) {
            case EQ -> code("$L || $L", na, equal(i, b.value()));
            case NE -> code("$L || !$L", na, equal(i, b.value()));
            default -> code("$L || $L", na, ordered(i, b.op(), b.value()));
        };
    }

    private static void requireNumbers(Dimension d) {
        if (d.scale() instanceof Scale.MultiSelect || d.scale() instanceof Scale.Text) {
            throw new IllegalArgumentException("a number compared with " + d.id() + ", which has " + d.scale().kindPhrase() + " scale");
        }
    }

    private static int indexOf(List<Scale.Choice> choices, String id) {
        for (int k = 0; k < choices.size(); k++) if (choices.get(k).id().equals(id)) return k;
        throw new IllegalArgumentException("no choice " + id);
    }

    private static String pointer(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    // ---------------------------------------------------------------------------------------------
    // The per-call state
    // ---------------------------------------------------------------------------------------------

    private void stateClass() {
        ClassName violationList = ARRAY_LIST;
        TypeName listOfViolations = ParameterizedTypeName.get(violationList, violation);
        stateType.addJavadoc("What one call has read: kind and value of each answer, justifications, violations so far.\n");
        stateType.addField(FieldSpec.builder(boolean.class, "quick", Modifier.FINAL).build());
        for (String f : List.of("rubric", "version", "item", "rater", "answers", "justifications")) stateType.addField(byte.class, f);
        stateType.addField(String.class, "rubricText");
        stateType.addField(String.class, "versionText");
        stateType.addField(long.class, "tn");
        stateType.addField(int.class, "ts");
        stateType.addField(BIG_DECIMAL, "tb");
        stateType.addField(boolean.class, "tf");
        stateType.addField(byte[].class, "justificationKind");
        stateType.addField(int[].class, "justificationLength");
        stateType.addField(int[].class, "justified");
        stateType.addField(int.class, "justifiedCount");
        stateType.addField(ParameterizedTypeName.get(ARRAY_LIST, ClassName.get(String.class)), "unknownJustifications");
        stateType.addField(listOfViolations, "top");
        stateType.addField(listOfViolations, "answerValues");
        stateType.addField(listOfViolations, "out");
        stateType.addMethod(MethodSpec.constructorBuilder().addParameter(boolean.class, "quick")
                .addStatement("this.quick = quick").build());
        stateType.addMethod(Method.builder("stop")
                .addJavadoc("Called before each violation: {@code isValid} needs no more.\n")
                .addStatement("if (quick) throw STOP").build());
        stateType.addMethod(Method.builder("top").addParameter(violation, "v")
                .addStatement("if (top == null) top = new $T<>()", ARRAY_LIST).addStatement("top.add(v)").build());
        stateType.addMethod(Method.builder("answer").addParameter(violation, "v")
                .addStatement("if (answerValues == null) answerValues = new $T<>()", ARRAY_LIST).addStatement("answerValues.add(v)").build());
        stateType.addMethod(Method.builder("add").addParameter(violation, "v")
                .addStatement("if (out == null) out = new $T<>()", ARRAY_LIST).addStatement("out.add(v)").build());
        stateType.addMethod(Method.builder("addAll").addParameter(violations, "vs")
                .addStatement("if (out == null) out = new $T<>()", ARRAY_LIST).addStatement("out.addAll(vs)").build());
        stateType.addMethod(Method.builder("justified").addParameter(int.class, "entry")
                .addStatement(inline("if (justified == null) justified = new int[$L]", Math.max(4, dims.size())))
                .addStatement("if (justifiedCount == justified.length) justified = $T.copyOf(justified, justified.length * 2)",
                        java.util.Arrays.class)
                .addStatement("justified[justifiedCount++] = entry").build());
        stateType.addField(ParameterizedTypeName.get(ClassName.get(java.util.HashSet.class), ClassName.get(String.class)), "unknownKeys");
        stateType.addMethod(Method.builder("fresh").returns(boolean.class)
                .addJavadoc("Records a key that is not a field of the format or a dimension, in one of the rating object (0),\n"
                        + "{@code answers} (1) and {@code justifications} (2); false when that object had it already.\n")
                .addParameter(int.class, "object").addParameter(String.class, "name")
                .addStatement("if (unknownKeys == null) unknownKeys = new $T<>()", java.util.HashSet.class)
                .addStatement("return unknownKeys.add(object + name)").build());
        stateType.addMethod(Method.builder("result").returns(violations)
                .addStatement("return out == null ? $T.of() : $T.unmodifiableList(out)", LIST, COLLECTIONS).build());
    }
}
