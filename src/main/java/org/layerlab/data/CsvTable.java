package org.layerlab.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV file read as text cells: delimiter detected among comma, semicolon and tab, quoted fields
 * (RFC 4180, with "" for a quote and delimiters or line breaks inside quotes), a UTF-8 BOM
 * skipped, blank lines ignored, and the header detected. Line numbers are kept for messages.
 */
public record CsvTable(List<String> header, List<String[]> rows, List<Integer> lineNumbers, char delimiter) {
    /** Files beyond this size are refused before reading; larger data belongs in a streaming format. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    private static final Pattern DECIMAL_COMMA = Pattern.compile("-?\\d*,\\d+");

    public static CsvTable read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new DataException(file.getFileName() + " is " + size / (1024 * 1024)
                    + " MB; CSV files up to " + MAX_BYTES / (1024 * 1024) + " MB can be loaded");
        }
        byte[] bytes = Files.readAllBytes(file);
        refuseUtf16(bytes, file.getFileName().toString());
        return parse(new String(bytes, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** A UTF-16 file (as some spreadsheets save "Unicode text") would read as garbled columns: say so instead. */
    static void refuseUtf16(byte[] start, String source) {
        if (start.length >= 2 && ((start[0] == (byte) 0xFF && start[1] == (byte) 0xFE)
                || (start[0] == (byte) 0xFE && start[1] == (byte) 0xFF))) {
            throw new DataException(source + " is saved as UTF-16 text; save it as CSV in UTF-8 (or plain ASCII) and"
                    + " choose it again");
        }
    }

    public static CsvTable parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delim = detectDelimiter(text);
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        tokenize(text, delim, source, records, lines);
        return fromRecords(records, lines, delim, source);
    }

    /**
     * The header, delimiter and first maxRows data rows of a file, read without loading the
     * rest: what detection and previews of a large file need.
     */
    public static CsvTable head(Path file, int maxRows) throws IOException {
        String source = file.getFileName().toString();
        char[] start = new char[64 * 1024];
        int got;
        try (Reader r = open(file)) {
            got = Math.max(0, r.read(start));
        }
        char delim = detectDelimiter(new String(start, 0, got));
        List<String[]> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (Reader r = open(file)) {
            CsvRecords.read(r, delim, source, (fields, line) -> {
                records.add(fields);
                lines.add(line);
                return records.size() <= maxRows;
            });
        }
        return fromRecords(records, lines, delim, source);
    }

    /**
     * Streams every data row of a file whose header and delimiter {@link #head} found, in constant
     * memory, with the same checks and decimal-comma handling as {@link #read}.
     */
    public static void forEachRow(Path file, CsvTable head, CsvRecords.Sink sink) throws IOException {
        String source = file.getFileName().toString();
        int width = head.columnCount();
        boolean[] first = {true};
        try (Reader r = open(file)) {
            CsvRecords.read(r, head.delimiter(), source, (fields, line) -> {
                if (first[0]) {
                    first[0] = false;
                    if (Arrays.asList(fields).equals(head.header())) {
                        return true;
                    }
                }
                if (fields.length != width) {
                    throw new DataException(source + " line " + line + " has " + fields.length + " fields but the first row has "
                            + width + " (delimiter '" + printable(head.delimiter()) + "')");
                }
                decimalCommas(fields, head.delimiter());
                return sink.record(fields, line);
            });
        }
    }

    private static Reader open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            refuseUtf16(in.readNBytes(2), file.getFileName().toString());
        }
        BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        r.mark(1);
        if (r.read() != '\uFEFF') {
            r.reset();
        }
        return r;
    }

    private static void decimalCommas(String[] r, char delim) {
        // Semicolon files usually come from locales that write decimals with a comma: 1,5 means 1.5.
        if (delim == ';') {
            for (int i = 0; i < r.length; i++) {
                if (DECIMAL_COMMA.matcher(r[i]).matches()) {
                    r[i] = r[i].replace(',', '.');
                }
            }
        }
    }

    private static CsvTable fromRecords(List<String[]> records, List<Integer> lines, char delim, String source) {
        for (String[] r : records) {
            decimalCommas(r, delim);
        }
        if (records.isEmpty()) {
            throw new DataException(source + " has no data rows");
        }
        int width = records.get(0).length;
        for (int i = 1; i < records.size(); i++) {
            if (records.get(i).length != width) {
                throw new DataException(source + " line " + lines.get(i) + " has " + records.get(i).length
                        + " fields but the first row (line " + lines.get(0) + ") has " + width + " (delimiter '" + printable(delim) + "')");
            }
        }
        List<String> header;
        if (looksLikeHeader(records)) {
            header = List.of(records.remove(0));
            lines.remove(0);
        } else {
            header = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                header.add("column_" + (i + 1));
            }
        }
        if (records.isEmpty()) {
            throw new DataException(source + " has a header but no data rows");
        }
        return new CsvTable(List.copyOf(header), records, lines, delim);
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

    /** The candidate that splits the first lines into the same, largest number of fields. */
    static char detectDelimiter(String text) {
        String[] lines = text.split("\r?\n", 21);
        char best = ',';
        int bestScore = 0;
        for (char c : new char[] {',', ';', '\t'}) {
            int first = -1;
            boolean consistent = true;
            int counted = 0;
            for (String line : lines) {
                if (line.isBlank() || counted == 20) {
                    continue;
                }
                int n = countOutsideQuotes(line, c);
                if (first < 0) {
                    first = n;
                } else if (n != first) {
                    consistent = false;
                }
                counted++;
            }
            int score = consistent ? first : 0;
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }

    private static int countOutsideQuotes(String line, char c) {
        int n = 0;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                n++;
            }
        }
        return n;
    }

    private static void tokenize(String text, char delim, String source, List<String[]> out, List<Integer> lines) {
        try {
            CsvRecords.read(new StringReader(text), delim, source, (fields, line) -> {
                out.add(fields);
                lines.add(line);
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A header is a first row with a non-numeric cell in a column that is numeric below it. */
    private static boolean looksLikeHeader(List<String[]> records) {
        String[] first = records.get(0);
        if (records.size() == 1) {
            for (String c : first) {
                if (!isNumber(c)) {
                    return true;
                }
            }
            return false;
        }
        boolean allText = true;
        for (String c : first) {
            allText &= !isNumber(c) && !c.isEmpty();
        }
        for (int col = 0; col < first.length; col++) {
            if (!isNumber(first[col]) && !first[col].isEmpty()) {
                int numericBelow = 0;
                int checked = 0;
                for (int r = 1; r < records.size() && checked < 50; r++, checked++) {
                    if (isNumber(records.get(r)[col])) {
                        numericBelow++;
                    }
                }
                if (numericBelow > checked / 2) {
                    return true;
                }
            }
        }
        // All-text first row over all-text columns (e.g. only categorical data): a header if its
        // values do not repeat below.
        if (allText) {
            for (int r = 1; r < Math.min(records.size(), 50); r++) {
                if (Arrays.equals(records.get(r), first)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    public static boolean isNumber(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        try {
            double d = Double.parseDouble(s);
            return !Double.isNaN(d) || s.equalsIgnoreCase("nan");
        } catch (NumberFormatException e) {
            return false;
        }
    }

    public int columnCount() {
        return header.size();
    }

    /** The index of a column by header name (case-insensitive) or by 1-based number. */
    public int column(String nameOrNumber) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(nameOrNumber.trim())) {
                return i;
            }
        }
        try {
            int n = Integer.parseInt(nameOrNumber.trim());
            if (n >= 1 && n <= header.size()) {
                return n - 1;
            }
        } catch (NumberFormatException ignored) {
            // not a number: fall through to the error
        }
        throw new DataException("no column '" + nameOrNumber + "'; the columns are " + String.join(", ", header));
    }
}
