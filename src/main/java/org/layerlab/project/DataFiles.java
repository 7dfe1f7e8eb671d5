package org.layerlab.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The data files a project names, brought along when the project is saved into another folder
 * (Save As, {@code train --out}): its paths are relative to its folder, so without them the saved
 * project would open to "dataset file ... does not exist". Each file keeps its relative path; a
 * file already there with the same size is left as it is.
 */
public final class DataFiles {
    private DataFiles() {
    }

    /** The relative paths of the files (or the image folder) the dataset reads; none for synthetic data. */
    static List<String> of(DatasetSource source) {
        List<String> out = new ArrayList<>();
        DatasetSource d = source == null ? null : source.underlying();
        if (d instanceof DatasetSource.Csv c) {
            out.add(c.path());
        } else if (d instanceof DatasetSource.Idx i) {
            for (String p : new String[] {i.trainImages(), i.trainLabels(), i.testImages(), i.testLabels()}) {
                if (p != null) {
                    out.add(p);
                }
            }
        } else if (d instanceof DatasetSource.ImageFolder f) {
            out.add(f.path());
        } else if (d instanceof DatasetSource.Windows w) {
            out.add(w.path());
        } else if (d instanceof DatasetSource.Text t) {
            out.add(t.path());
        } else if (d instanceof DatasetSource.Corpus c) {
            out.add(c.path());
        }
        return out;
    }

    /**
     * What identifies the data a project trains on: a SHA-256 over each of the dataset's files
     * (relative path, size and bytes; a folder's files in sorted order), as "sha256:" and the first
     * 16 hex digits, with the file count and total size. Null for synthetic data or when a file is
     * missing. Exports record it so a model can be traced to its data.
     */
    public static String fingerprint(DatasetSource d, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String rel : of(d)) {
            Path p = dir.resolve(rel);
            if (Files.isDirectory(p)) {
                try (Stream<Path> all = Files.walk(p)) {
                    all.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                return null;
            }
        }
        if (files.isEmpty()) {
            return null;
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        for (Path f : files) {
            sha.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update(Long.toString(Files.size(f)).getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    bytes += n;
                }
            }
        }
        StringBuilder hex = new StringBuilder("sha256:");
        byte[] digest = sha.digest();
        for (int i = 0; i < 8; i++) {
            hex.append(String.format("%02x", digest[i]));
        }
        return hex + " over " + files.size() + " file" + (files.size() == 1 ? "" : "s") + ", " + bytes + " bytes";
    }

    /**
     * Copies the dataset's files from the folder the project came from into the folder it is
     * saved to, when those differ; returns how many files were copied. Files that are missing at
     * the source are left for validation to report (the project still saves).
     */
    public static int bringAlong(DatasetSource d, Path fromDir, Path toDir) throws IOException {
        if (d == null || fromDir == null || fromDir.toAbsolutePath().normalize().equals(toDir.toAbsolutePath().normalize())) {
            return 0;
        }
        int copied = 0;
        for (String relative : of(d)) {
            Path from;
            try {
                from = d.underlying() instanceof DatasetSource.ImageFolder ? DataLoader.resolveFolder(fromDir, relative)
                        : DataLoader.resolve(fromDir, relative);
            } catch (RuntimeException missing) {
                continue;
            }
            Path to = toDir.resolve(relative).normalize();
            if (!to.startsWith(toDir.toAbsolutePath().normalize()) && !to.startsWith(toDir.normalize())) {
                continue;
            }
            copied += Files.isDirectory(from) ? copyTree(from, to) : copyFile(from, to);
        }
        return copied;
    }

    private static int copyFile(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to) && Files.size(to) == Files.size(from)) {
            return 0;
        }
        Files.createDirectories(to.toAbsolutePath().getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        return 1;
    }

    private static int copyTree(Path from, Path to) throws IOException {
        int copied = 0;
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                copied += copyFile(f, to.resolve(from.relativize(f).toString()));
            }
        }
        return copied;
    }
}
