package org.layerlab.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as it reads, so a file of any size passes through in constant
 * memory: fields separated by the delimiter, "quoted" fields that may hold delimiters, line
 * breaks and doubled "" quotes, unquoted fields trimmed, blank lines skipped, CR-LF and CR-only
 * line ends accepted. A record longer than {@link #MAX_RECORD_CHARS} is refused as it grows: a file
 * without line breaks is not a table, and reading it whole would take minutes and gigabytes.
 */
final class CsvRecords {
    /** Receives each record and the line it starts on; returns false to stop reading. */
    interface Sink {
        boolean record(String[] fields, int line);
    }

    /** 16 M characters: far beyond any real row (a 28×28 image as text is about 3,000). */
    static final int MAX_RECORD_CHARS = 16 << 20;

    private CsvRecords() {
    }

    static void read(Reader reader, char delim, String source, Sink sink) throws IOException {
        PushbackReader in = new PushbackReader(reader, 1);
        List<String> fields = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        int line = 1;
        int recordLine = 1;
        // Whether the cell so far is only blanks: a quote there opens a quoted field. Kept as we go,
        // since asking the cell each time made a run of quotes quadratic.
        boolean cellBlank = true;
        long recordChars = 0;
        while (true) {
            int read = in.read();
            boolean end = read < 0;
            char ch = end ? '\n' : (char) read;
            if (!quoted && ch == '\r') {
                int next = in.read();
                if (next >= 0) {
                    in.unread(next);
                }
                if (next == '\n') {
                    continue;
                }
                ch = '\n';
            }
            if (++recordChars > MAX_RECORD_CHARS) {
                throw new DataException(source + " line " + recordLine + " is longer than " + (MAX_RECORD_CHARS >> 20)
                        + " million characters: this does not look like a table with one row per line");
            }
            if (quoted) {
                if (end) {
                    throw new DataException(source + " line " + recordLine + ": a quoted field is never closed");
                }
                if (ch == '"') {
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        if (next >= 0) {
                            in.unread(next);
                        }
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cellBlank) {
                quoted = true;
                wasQuoted = true;
                cellBlank = false;
                cell.setLength(0);
            } else if (ch == delim) {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
                cellBlank = true;
            } else if (ch == '\n') {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted;
                if (!blank && !sink.record(fields.toArray(new String[0]), recordLine)) {
                    return;
                }
                fields.clear();
                cell.setLength(0);
                wasQuoted = false;
                cellBlank = true;
                recordChars = 0;
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
                cellBlank &= Character.isWhitespace(ch);
            }
            if (end) {
                return;
            }
        }
    }
}
