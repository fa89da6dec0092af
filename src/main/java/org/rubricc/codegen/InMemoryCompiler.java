package org.rubricc.codegen;

import com.fasterxml.jackson.core.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory with the system Java compiler (javax.tools) and loads the classes,
 * leaving no file behind. The class path is jackson-core's location, the only thing generated
 * validators need: a jar, or inside rubricc's shaded jar the jar itself.
 */
public final class InMemoryCompiler {
    private InMemoryCompiler() {}

    /** Why sources could not be compiled: javac's diagnostics. */
    public static final class CompileException extends Exception {
        private static final long serialVersionUID = 1L;

        CompileException(String message) {
            super(message);
        }
    }

    /** Whether this JVM has a Java compiler (a JDK, not a bare runtime). */
    public static boolean available() {
        return ToolProvider.getSystemJavaCompiler() != null;
    }

    /**
     * Compiles sources, given by fully qualified class name, and returns the class loader that defines
     * them. Its parent is rubricc's own loader: the classes share Jackson with rubricc, and the classes
     * {@link CompiledValidator} binds them with can see its interfaces. (They are compiled against
     * jackson-core alone, so they use nothing else.)
     */
    public static ClassLoader compile(Map<String, String> sources) throws CompileException {
        return loader(classes(sources));
    }

    /** Compiles sources, given by fully qualified class name, into class files by binary name. */
    public static Map<String, byte[]> classes(Map<String, String> sources) throws CompileException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) throw new CompileException("no Java compiler in this runtime (a JDK is needed, not a JRE)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Map<String, ByteArrayOutputStream> classes = new HashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(diagnostics, Locale.ROOT, java.nio.charset.StandardCharsets.UTF_8);
        ForwardingJavaFileManager<StandardJavaFileManager> files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        classes.put(className, out);
                        return out;
                    }
                };
            }
        };
        List<JavaFileObject> units = sources.entrySet().stream().map(e -> (JavaFileObject) new SimpleJavaFileObject(
                URI.create("string:///" + e.getKey().replace('.', '/') + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return e.getValue();
            }
        }).toList();
        List<String> options = List.of("-classpath", jacksonClassPath(), "-proc:none", "-Xlint:none", "--release", "17");
        StringWriter log = new StringWriter();
        boolean ok = javac.getTask(log, files, diagnostics, options, null, units).call();
        if (!ok) {
            StringBuilder b = new StringBuilder("the generated sources do not compile:");
            diagnostics.getDiagnostics().forEach(d -> b.append('\n').append(d));
            throw new CompileException(b.toString());
        }
        Map<String, byte[]> bytes = new HashMap<>();
        classes.forEach((k, v) -> bytes.put(k, v.toByteArray()));
        return bytes;
    }

    /**
     * A class loader that defines the classes (by binary name) when asked. Its parent is rubricc's own loader: the
     * classes share Jackson with rubricc, and the classes {@link CompiledValidator} binds them with can see its
     * interfaces.
     */
    public static ClassLoader loader(Map<String, byte[]> bytes) {
        return new ClassLoader(InMemoryCompiler.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = bytes.get(name);
                if (b == null) throw new ClassNotFoundException(name);
                return defineClass(name, b, 0, b.length);
            }
        };
    }

    /** Where jackson-core is loaded from; the class path of the running JVM if that cannot be told. */
    static String jacksonClassPath() {
        CodeSource source = JsonParser.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return Path.of(source.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                // fall through
            }
        }
        return System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
