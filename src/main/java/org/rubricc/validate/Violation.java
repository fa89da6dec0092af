package org.rubricc.validate;

/**
 * One problem with a submitted rating.
 *
 * @param path    a JSON pointer (RFC 6901) to the offending value, or to where it is missing
 * @param message names the dimension by its title, the rule by its name, the allowed values
 */
public record Violation(String path, ViolationCode code, String message) {

    /** The JSON pointer of {@code /parent/key}, escaping {@code ~} and {@code /} in the key. */
    public static String pointer(String parent, String key) {
        return parent + "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
