package org.layerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile projects and arguments end in one error line with the right exit code, never a trace. */
class HostileInputTest {
    @TempDir
    Path dir;

    private static Run run(String... args) {
        return Run.of(args);
    }

    /** The XOR sample in the temp folder, its JSON passed through edit. */
    private Path xor(java.util.function.UnaryOperator<String> edit) throws Exception {
        Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of("samples", "data", "xor.csv"), dir.resolve("data/xor.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path p = dir.resolve("xor.layerlab");
        Files.writeString(p, edit.apply(Files.readString(Path.of("samples", "xor.layerlab"))));
        return p;
    }

    private static void userError(Run r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void shapesOverTwoBillionValuesAreAProblemOnTheNodeNotACrash() throws Exception {
        Path p = xor(s -> s.replaceFirst("\"shape\": \\[\\s*2\\s*\\]", "\"shape\": [100000, 100000, 1000]"));
        Run v = run("validate", p.toString());
        assertEquals(1, v.code(), v.out() + v.err());
        assertTrue(v.out().contains("more than the 2,147,483,647 one sample may have"), v.out());
        assertEquals(0, run("summary", p.toString()).code());
        Path wide = xor(s -> s.replaceFirst("\"shape\": \\[\\s*2\\s*\\]", "\"shape\": [1000000]")
                .replaceFirst("\"units\": 4", "\"units\": 3000"));
        Run w = run("validate", wide.toString());
        assertTrue(w.out().contains("its kernel would hold 3,000,000,000 values"), w.out());
    }

    @Test
    void aNulInAPathIsAUserError() throws Exception {
        Run v = run("validate", xor(s -> s.replace("data/xor.csv", "data/x\\u0000.csv")).toString());
        assertEquals(1, v.code(), "validate reports it as a problem of the project: " + v.err());
        assertTrue((v.out() + v.err()).contains("not a file name this system accepts"), v.out() + v.err());
        userError(run("train", xor(s -> s.replace("data/xor.csv", "data/x\\u0000.csv")).toString()),
                "not a file name this system accepts");
        userError(run("train", xor(s -> s.replace("\"format\"", "\"weights\": \"a\\u0000b\", \"format\"")).toString()),
                "$.weights is not a file name");
        userError(run("summary", "x\0.layerlab"), "not a path this system accepts");
    }

    @Test
    void aTestSplitOfOneOrMoreIsRefusedWithItsPlace() throws Exception {
        Run r = run("validate", xor(s -> s.replace("\"test_split\": 0.0", "\"test_split\": 1.5")).toString());
        userError(r, "$.dataset.test_split: must be at least 0 and below 1");
    }

    @Test
    void aMissingInputFileAndAMissingOutFolderAreUserErrorsBeforeAnyWork() throws Exception {
        Path p = xor(s -> s);
        assertEquals(0, run("train", p.toString(), "--epochs", "5").code());
        userError(run("predict", p.toString(), "--input", dir.resolve("nope.csv").toString()),
                "the --input file " + dir.resolve("nope.csv") + " does not exist");
        Run t = run("train", p.toString(), "--out", "/nonexistent/x.layerlab");
        userError(t, "the folder /nonexistent does not exist");
        assertFalse(t.out().contains("epoch 1 "), "refused before training");
    }

    @Test
    void anInternalErrorHasItsOwnExitCodeAndSaysWhereTheDetailsWent() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.guarded(List.of("train", "x"), new PrintStream(err, true, StandardCharsets.UTF_8), () -> {
            throw new IllegalStateException("a bug");
        });
        assertEquals(3, code);
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("error: internal error, a bug in LayerLab (IllegalStateException); the details are in "),
                said);
        Path report = Path.of(said.substring(said.indexOf(" in /") + 4, said.indexOf(". Please")));
        assertTrue(Files.readString(report).contains("a bug"));
        Files.delete(report);
    }

    @Test
    void controlCharactersFromAFileAreShownNotObeyed() throws Exception {
        Path p = xor(s -> s.replace("\"name\": \"XOR\"", "\"name\": \"XOR\\u001b[2J\\u0007\""));
        Run r = run("summary", p.toString());
        assertTrue(r.out().contains("XOR^[[2J^G"), r.out());
        assertFalse(r.out().contains("\u001b"));
    }

    @Test
    void savingKeepsTheFilesPermissionsAndClearsOurOwnStaleTemps() throws Exception {
        Path p = xor(s -> s);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r-----"));
        Path stale = dir.resolve(".xor.layerlab123.tmp");
        Files.writeString(stale, "left by a killed save");
        Path other = dir.resolve(".someone-else.tmp");
        Files.writeString(other, "not ours");
        assertEquals(0, run("train", p.toString(), "--epochs", "3").code());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("xor.weights"))));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(other));
    }

    @Test
    void aWeightsFileThatIsALinkOutOfTheFolderIsRefused() throws Exception {
        Path p = xor(s -> s);
        assertEquals(0, run("train", p.toString(), "--epochs", "3").code());
        Path elsewhere = Files.createTempFile("outside", ".weights");
        Files.move(dir.resolve("xor.weights"), elsewhere, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.createSymbolicLink(dir.resolve("xor.weights"), elsewhere);
        userError(run("evaluate", p.toString()), "is a link that leads outside the project's folder");
        Files.delete(elsewhere);
    }

    @Test
    void smallerMistakesSayWhatIsWrong() throws Exception {
        userError(run("summary", xor(s -> s.replace("\"units\": 4", "\"units\": 1e12")).toString()),
                "$.nodes[1].params.units: 1e12 is too large: at most 2,147,483,647");
        Run noData = run("validate", xor(s -> s.replaceAll("(?s),\\s*\"dataset\": \\{.*?\\}", "")).toString());
        assertEquals(1, noData.code(), noData.out());
        assertTrue(noData.out().contains("the project has no dataset"), noData.out());
        Files.createDirectories(dir.resolve("data/folder.csv"));
        Run folder = run("validate", xor(s -> s.replace("data/xor.csv", "data/folder.csv")).toString());
        assertTrue(folder.out().contains("is a folder, not a file"), folder.out());
        Files.write(dir.resolve("data/utf16.csv"), "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16));
        Run utf16 = run("validate", xor(s -> s.replace("data/xor.csv", "data/utf16.csv")).toString());
        assertTrue(utf16.out().contains("is saved as UTF-16 text"), utf16.out());
    }

    @Test
    void aProjectTrainedIntoAnotherFolderBringsItsDataAlong() throws Exception {
        Path p = xor(s -> s);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere/deeper")).resolve("xor2.layerlab");
        Run t = run("train", p.toString(), "--epochs", "3", "--out", elsewhere.toString());
        assertEquals(0, t.code(), t.err());
        assertTrue(t.out().contains("Copied 1 data file(s) beside xor2.layerlab"), t.out());
        assertTrue(Files.exists(elsewhere.resolveSibling("data/xor.csv")));
        Run v = run("validate", elsewhere.toString());
        assertEquals(0, v.code(), v.out());
        assertEquals(0, run("evaluate", elsewhere.toString()).code());
    }
}
