package org.rubricc.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.lang.reflect.Type;
import javax.lang.model.element.Modifier;

/**
 * A generated method, built as with JavaPoet's {@link MethodSpec.Builder}, its body a {@link Body}: the same code,
 * written by JavaPoet in far fewer pieces.
 */
final class Method {
    private final MethodSpec.Builder spec;
    private final Body body = new Body();

    private Method(MethodSpec.Builder spec) {
        this.spec = spec;
    }

    static Method builder(String name) {
        return new Method(MethodSpec.methodBuilder(name));
    }

    Method addModifiers(Modifier... modifiers) {
        spec.addModifiers(modifiers);
        return this;
    }

    Method addParameter(TypeName type, String name) {
        spec.addParameter(type, name);
        return this;
    }

    Method addParameter(Type type, String name) {
        spec.addParameter(type, name);
        return this;
    }

    Method addException(TypeName type) {
        spec.addException(type);
        return this;
    }

    Method returns(TypeName type) {
        spec.returns(type);
        return this;
    }

    Method returns(Type type) {
        spec.returns(type);
        return this;
    }

    Method varargs() {
        spec.varargs();
        return this;
    }

    Method addJavadoc(String format, Object... args) {
        spec.addJavadoc(format, args);
        return this;
    }

    Method addStatement(String format, Object... args) {
        body.addStatement(format, args);
        return this;
    }

    Method addStatement(ValidatorGenerator.Format format) {
        body.addStatement(format);
        return this;
    }

    Method beginControlFlow(String controlFlow, Object... args) {
        body.beginControlFlow(controlFlow, args);
        return this;
    }

    Method beginControlFlow(ValidatorGenerator.Format format) {
        body.beginControlFlow(format);
        return this;
    }

    Method nextControlFlow(String controlFlow, Object... args) {
        body.nextControlFlow(controlFlow, args);
        return this;
    }

    Method endControlFlow() {
        body.endControlFlow();
        return this;
    }

    Method endControlFlow(String controlFlow, Object... args) {
        body.endControlFlow(controlFlow, args);
        return this;
    }

    Method addCode(CodeBlock code) {
        body.addCode(code);
        return this;
    }

    Method addCode(String format, Object... args) {
        body.addCode(format, args);
        return this;
    }

    MethodSpec build() {
        if (!body.isEmpty()) spec.addCode(body.build());
        return spec.build();
    }
}
