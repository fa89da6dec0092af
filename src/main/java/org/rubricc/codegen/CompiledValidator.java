package org.rubricc.codegen;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rubricc.model.Rubric;

/**
 * The generated validator of a rubric version, compiled in this process ({@link InMemoryCompiler}) and
 * called through method handles, so rubricc can run it like any other engine
 * ({@code rubricc validate --engine generated}).
 */
public final class CompiledValidator {
    /** The package the in-process validators are compiled into. */
    public static final String PACKAGE = "org.rubricc.generated";

    /** A violation as the generated class reports it. */
    public record Violation(String path, String code, String message) {}

    private final Class<?> type;
    private final Object instance;
    private final MethodHandle validate;
    private final MethodHandle isValid;
    private final MethodHandle path;
    private final MethodHandle code;
    private final MethodHandle message;

    private CompiledValidator(Class<?> type) throws ReflectiveOperationException {
        this.type = type;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        this.instance = type.getConstructor().newInstance();
        this.validate = lookup.findVirtual(type, "validate", MethodType.methodType(List.class, byte[].class, int.class, int.class))
                .bindTo(instance);
        this.isValid = lookup.findVirtual(type, "isValid", MethodType.methodType(boolean.class, byte[].class, int.class, int.class))
                .bindTo(instance);
        Class<?> v = Class.forName(type.getName() + "$Violation", true, type.getClassLoader());
        this.path = lookup.findVirtual(v, "path", MethodType.methodType(String.class)).asType(MethodType.methodType(String.class, Object.class));
        this.code = lookup.findVirtual(v, "code", MethodType.methodType(String.class)).asType(MethodType.methodType(String.class, Object.class));
        this.message = lookup.findVirtual(v, "message", MethodType.methodType(String.class))
                .asType(MethodType.methodType(String.class, Object.class));
    }

    /** Generates the rubric's validator and compiles it in memory. */
    public static CompiledValidator compile(Rubric rubric) throws InMemoryCompiler.CompileException {
        ValidatorGenerator g = new ValidatorGenerator(rubric, PACKAGE);
        String name = PACKAGE + "." + g.className();
        ClassLoader loader = InMemoryCompiler.compile(Map.of(name, g.generate()));
        try {
            return new CompiledValidator(loader.loadClass(name));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the generated validator " + name, e);
        }
    }

    /** The generated class. */
    public Class<?> type() {
        return type;
    }

    /** An instance of the generated class. */
    public Object instance() {
        return instance;
    }

    /** The generated {@code validate(byte[], int, int)}. */
    public List<Violation> validate(byte[] json, int offset, int length) {
        List<?> found;
        try {
            found = (List<?>) validate.invokeExact(json, offset, length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        if (found.isEmpty()) return List.of();
        List<Violation> out = new ArrayList<>(found.size());
        try {
            for (Object v : found) {
                out.add(new Violation((String) path.invokeExact(v), (String) code.invokeExact(v), (String) message.invokeExact(v)));
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return out;
    }

    /** The generated {@code isValid(byte[], int, int)}. */
    public boolean isValid(byte[] json, int offset, int length) {
        try {
            return (boolean) isValid.invokeExact(json, offset, length);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
