package org.rubricc.diag;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why an I/O operation failed, in words: Java's file exceptions often carry only the path as their message
 * ("cannot read x: x"), the reason apart. Every message about a file that could not be read or written ends
 * with this.
 */
public final class IoReason {
    private IoReason() {}

    public static String of(Throwable e) {
        if (e instanceof NoSuchFileException) return "no such file or folder";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "it already exists";
        if (e instanceof NotDirectoryException) return "not a folder";
        if (e instanceof DirectoryNotEmptyException) return "the folder is not empty";
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) return lower(f.getReason());
            return lower(e.getClass().getSimpleName().replaceAll("Exception$", "").replaceAll("([a-z])([A-Z])", "$1 $2"));
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() != null) return of(u.getCause());
        if (e instanceof IOException && e.getMessage() != null && !e.getMessage().isBlank()) return lower(e.getMessage());
        String m = e.getMessage();
        return m == null || m.isBlank() ? lower(e.getClass().getSimpleName()) : lower(m);
    }

    /** A sentence's first letter in lower case, as diagnostics are written ("No space left" -> "no space left"). */
    private static String lower(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
        }
        return s;
    }
}
