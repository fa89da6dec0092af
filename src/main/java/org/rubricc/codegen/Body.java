package org.rubricc.codegen;

import com.palantir.javapoet.CodeBlock;

/** Generated code for a method's body or a block in it, built as with JavaPoet's {@link CodeBlock.Builder}. */
final class Body extends Statements<Body> {
    /** The code; every control flow begun here must have ended. */
    CodeBlock build() {
        return code();
    }
}
