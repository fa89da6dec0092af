package org.rubricc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `--version`, on rubricc and on every command, prints the version the pom declares. */
class VersionFlagTest {
    @Test
    void everyCommandSaysThePomsVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>rubricc</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        m.find();
        String expected = "rubricc " + m.group(1) + "\n";
        for (String[] args : new String[][] {{"--version"}, {"check", "--version"}, {"compile", "--version"},
                {"validate", "--version"}, {"migrate", "--version"}, {"diff", "--version"}, {"agree", "--version"}}) {
            CheckCommandTest.Run r = CheckCommandTest.run(args);
            assertEquals(0, r.status(), String.join(" ", args));
            assertEquals(expected, r.out(), String.join(" ", args));
        }
    }
}
