package org.rubricc.codegen;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import java.lang.reflect.Type;
import javax.lang.model.element.Modifier;

/**
 * A generated method, built as with JavaPoet's {@link MethodSpec.Builder}, its body {@link Statements}: the same
 * code, written by JavaPoet in far fewer pieces.
 */
final class Method extends Statements<Method> {
    private final MethodSpec.Builder spec;

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

    MethodSpec build() {
        if (!isEmpty()) spec.addCode(code());
        return spec.build();
    }
}
