package org.rubricc.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.rubricc.model.Dimension;
import org.rubricc.model.Scale;

/**
 * Which class of a generated validator holds the members of each dimension. The JVM limits a class to 65,535
 * constants and each method, the static initializer included, to 64 KiB of bytecode: a rubric of some hundred
 * dimensions, or a scale of a thousand choices, does not fit one class. So the dimensions are packed, in asking
 * order, into the validator class itself and then into nested classes {@code Part1}, {@code Part2}, ...: a part
 * holds what its dimensions' readers, checks, lookups and verdict blocks need (their messages, choice ids and
 * labels), the outer class only what is per rating. A rubric that fits one class gets no part at all, and its
 * generated code is what it was before parts existed.
 *
 * <p>Members of a part are package-private and imported into the file by a static import on demand
 * ({@code import static ...Validator.Part1.*}), so every call site names them as it would in one class; their
 * names carry the dimension's index and are unique in the file. Code in a part reaches the outer class's private
 * helpers as a nested class does.
 *
 * <p>The weights estimate what a dimension adds to its class (constants, and bytes of static initializer per
 * choice or point: its id, its label and its UTF-8 bytes); {@link #BUDGET} keeps a class well inside both limits.
 * A dimension heavier than the budget has a part of its own; {@link JavaTarget#OPTIONS} states how heavy one may be
 * (its lookups are one method each), {@link JavaTarget#DIMENSIONS} how many dimensions the per-rating state holds.
 */
final class Layout {
    /** The most weight a class takes before the next dimension opens a new part. */
    static final int BUDGET = 30_000;
    /**
     * The most characters of code, as JavaPoet writes a block (indentation included), in one generated method of
     * verdict blocks: well under the 225,000 characters of one verdict method that javac was seen to compile (and the
     * 315,000 it refused for passing 64 KiB of bytecode), as rules' code can be denser.
     */
    static final int METHOD_CHARS = 40_000;
    /** The most characters of rules' code in one class, when the rules need classes of their own. */
    static final int RULE_CHARS = 150_000;

    private final ClassName outer;
    private final List<TypeSpec.Builder> classes = new ArrayList<>();
    private final int[] home;
    /** The first dimension of each class. */
    private final List<Integer> starts = new ArrayList<>();

    Layout(TypeSpec.Builder type, ClassName outer, List<Dimension> dims) {
        this.outer = outer;
        this.home = new int[dims.size()];
        classes.add(type);
        starts.add(0);
        long weight = 0;
        for (int i = 0; i < dims.size(); i++) {
            int w = weight(dims.get(i));
            if (weight > 0 && weight + w > BUDGET) {
                open();
                starts.add(i);
                weight = 0;
            }
            weight += w;
            home[i] = classes.size() - 1;
        }
    }

    /** What a dimension adds to its class, in units of about a constant or a byte of static initializer. */
    static int weight(Dimension d) {
        return 100 + 30 * options(d.scale());
    }

    /** The points or choices of a scale (2 for the others): what its lookups and labels grow with. */
    static int options(Scale s) {
        return s instanceof Scale.Ordinal o ? o.points().size()
                : s instanceof Scale.Categorical c ? c.choices().size()
                : s instanceof Scale.MultiSelect m ? m.choices().size() : 2;
    }

    /** Opens a new part; returns its index. */
    int open() {
        int k = classes.size();
        classes.add(TypeSpec.classBuilder("Part" + k).addModifiers(Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Members of the validator that do not fit the outer class: see the outer class's javadoc.\n"));
        return k;
    }

    /** Whether the validator has parts. */
    boolean split() {
        return classes.size() > 1;
    }

    /** The number of classes: the outer one and its parts. */
    int classes() {
        return classes.size();
    }

    /** The class of index {@code k}: 0 is the outer class. */
    TypeSpec.Builder type(int k) {
        return classes.get(k);
    }

    /** The name of the class of index {@code k}. */
    ClassName name(int k) {
        return k == 0 ? outer : outer.nestedClass("Part" + k);
    }

    /** The index of the class that holds dimension {@code i}'s members. */
    int home(int i) {
        return home[i];
    }

    /** The class that holds dimension {@code i}'s members. */
    TypeSpec.Builder of(int i) {
        return classes.get(home[i]);
    }

    /** The modifiers of a static member of class {@code k}: private in the outer class, package-private in a part. */
    static Modifier[] modifiers(int k) {
        return k == 0 ? new Modifier[] {Modifier.PRIVATE, Modifier.STATIC} : new Modifier[] {Modifier.STATIC};
    }

    /** The modifiers of dimension {@code i}'s static members. */
    Modifier[] modifiersOf(int i) {
        return modifiers(home[i]);
    }

    /** The modifiers of dimension {@code i}'s constants. */
    Modifier[] constantsOf(int i) {
        return home[i] == 0 ? new Modifier[] {Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL}
                : new Modifier[] {Modifier.STATIC, Modifier.FINAL};
    }

    /** The dimensions of class {@code k}: from {@code first(k)} (inclusive) to {@code first(k + 1)} (exclusive). */
    int first(int k) {
        return k < starts.size() ? starts.get(k) : home.length;
    }

    /** The classes that hold dimensions (the outer class and the parts opened for dimensions, not those for rules). */
    int dimensionClasses() {
        return starts.size();
    }

    /** Adds the parts to the outer class; call once, after every member is added. */
    void finish() {
        for (int k = 1; k < classes.size(); k++) classes.get(0).addType(classes.get(k).build());
    }
}
