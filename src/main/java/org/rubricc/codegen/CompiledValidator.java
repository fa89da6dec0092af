package org.rubricc.codegen;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rubricc.model.Rubric;

/**
 * The generated validator of a rubric version, compiled in this process ({@link InMemoryCompiler}), so
 * rubricc can run it like any other engine ({@code rubricc validate --engine generated}). Its methods are
 * bound once, through {@link LambdaMetafactory}, to small interfaces that the JIT compiler inlines like
 * direct calls; violations are adapted to {@link Violation} only when read.
 */
public final class CompiledValidator {
    /** The package the in-process validators are compiled into. */
    public static final String PACKAGE = "org.rubricc.generated";

    /** A class compiled with each validator, so that rubricc can bind to it (see the constructor). */
    private static final String LOOKUP = "Lookup";
    private static final String LOOKUP_SOURCE = "package " + PACKAGE + ";\n"
            + "public final class " + LOOKUP + " {\n"
            + "    private " + LOOKUP + "() {}\n"
            + "    public static java.lang.invoke.MethodHandles.Lookup lookup() {\n"
            + "        return java.lang.invoke.MethodHandles.lookup();\n"
            + "    }\n"
            + "}\n";

    /** A violation as the generated class reports it. */
    public record Violation(String path, String code, String message) {}

    /** The generated {@code validate(byte[], int, int)}, bound to an instance. */
    @FunctionalInterface
    public interface Validate {
        List<?> validate(byte[] json, int offset, int length);
    }

    /** The generated {@code isValid(byte[], int, int)}, bound to an instance. */
    @FunctionalInterface
    public interface IsValid {
        boolean isValid(byte[] json, int offset, int length);
    }

    private final Class<?> type;
    private final Object instance;
    private final Validate validate;
    private final IsValid isValid;
    private final Function<Object, Object> path;
    private final Function<Object, Object> code;
    private final Function<Object, Object> message;

    private CompiledValidator(Class<?> type) throws Throwable {
        this.type = type;
        // The lambda classes must be defined next to the generated class to call it directly, which takes a
        // full-privilege lookup in its package: the one the LOOKUP class compiled with it hands out.
        MethodHandles.Lookup lookup = (MethodHandles.Lookup) Class.forName(PACKAGE + "." + LOOKUP, true, type.getClassLoader())
                .getMethod("lookup").invoke(null);
        this.instance = type.getConstructor().newInstance();
        MethodType judge = MethodType.methodType(List.class, byte[].class, int.class, int.class);
        this.validate = (Validate) bind(lookup, Validate.class, "validate", judge, lookup.findVirtual(type, "validate", judge));
        MethodType check = MethodType.methodType(boolean.class, byte[].class, int.class, int.class);
        this.isValid = (IsValid) bind(lookup, IsValid.class, "isValid", check, lookup.findVirtual(type, "isValid", check));
        Class<?> v = Class.forName(type.getName() + "$Violation", true, type.getClassLoader());
        this.path = accessor(lookup, v, "path");
        this.code = accessor(lookup, v, "code");
        this.message = accessor(lookup, v, "message");
    }

    /** An instance of {@code face} whose one method calls {@code target} on {@link #instance}. */
    private Object bind(MethodHandles.Lookup lookup, Class<?> face, String name, MethodType sam, MethodHandle target) throws Throwable {
        CallSite site = LambdaMetafactory.metafactory(lookup, name, MethodType.methodType(face, type), sam, target, sam);
        return site.getTarget().invoke(instance);
    }

    @SuppressWarnings("unchecked")
    private static Function<Object, Object> accessor(MethodHandles.Lookup lookup, Class<?> v, String name) throws Throwable {
        MethodHandle getter = lookup.findVirtual(v, name, MethodType.methodType(String.class));
        CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                MethodType.methodType(Object.class, Object.class), getter, MethodType.methodType(String.class, v));
        return (Function<Object, Object>) site.getTarget().invoke();
    }

    /**
     * Whether this runtime can compile a validator: it has the {@code java.compiler} module (a runtime
     * image made with jlink may not) and a system Java compiler (a JDK, not a JRE). Checked without
     * loading {@link InMemoryCompiler}, whose {@code javax.tools} types a runtime without the module lacks.
     */
    public static boolean canCompile() {
        return ModuleLayer.boot().findModule("java.compiler").isPresent() && InMemoryCompiler.available();
    }

    /** Generates the rubric's validator and compiles it in memory. */
    public static CompiledValidator compile(Rubric rubric) throws InMemoryCompiler.CompileException {
        return compile(rubric, null, null);
    }

    /**
     * The rubric's validator: from the cache when it holds {@code key}, else generated, compiled in memory and
     * stored there. {@code key} must name everything the classes depend on (the rubric's meaning, the rubricc
     * build, the Java runtime); with no cache or no key, this is {@link #compile(Rubric)}.
     */
    public static CompiledValidator compile(Rubric rubric, ClassCache cache, String key) throws InMemoryCompiler.CompileException {
        Optional<CompiledValidator> cached = fromCache(rubric, cache, key);
        if (cached.isPresent()) return cached.get();
        if (!canCompile()) throw new InMemoryCompiler.CompileException("no Java compiler in this runtime (a JDK is needed, not a JRE)");
        String name = PACKAGE + "." + JavaNames.validatorClass(rubric);
        ValidatorGenerator g = new ValidatorGenerator(rubric, PACKAGE);
        Map<String, byte[]> classes = InMemoryCompiler.classes(Map.of(name, g.generate(), PACKAGE + "." + LOOKUP, LOOKUP_SOURCE));
        if (cache != null && key != null) cache.store(key, classes);
        return load(name, classes);
    }

    /**
     * The rubric's validator from the cache, when it holds a whole entry for {@code key} whose classes this JVM
     * loads; never compiles.
     */
    public static Optional<CompiledValidator> fromCache(Rubric rubric, ClassCache cache, String key) {
        if (cache == null || key == null) return Optional.empty();
        String name = PACKAGE + "." + JavaNames.validatorClass(rubric);
        try {
            return cache.load(key).filter(c -> c.containsKey(name)).map(c -> load(name, c));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // compiled again, and stored over it
        }
    }

    private static CompiledValidator load(String name, Map<String, byte[]> classes) {
        ClassLoader loader = InMemoryCompiler.loader(classes);
        try {
            return new CompiledValidator(loader.loadClass(name));
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("cannot load the generated validator " + name, t);
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

    /** The generated {@code validate(byte[], int, int)}, its violations adapted as they are read. */
    public List<Violation> validate(byte[] json, int offset, int length) {
        List<?> found = validate.validate(json, offset, length);
        if (found.isEmpty()) return List.of();
        return new AbstractList<>() {
            @Override
            public Violation get(int index) {
                Object v = found.get(index);
                return new Violation((String) path.apply(v), (String) code.apply(v), (String) message.apply(v));
            }

            @Override
            public int size() {
                return found.size();
            }
        };
    }

    /** The generated {@code isValid(byte[], int, int)}. */
    public boolean isValid(byte[] json, int offset, int length) {
        return isValid.isValid(json, offset, length);
    }
}
