package org.layerlab.data;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records as it reads, so a file of any size passes through in constant
 * memory: fields separated by the delimiter, "quoted" fields that may hold delimiters, line
 * breaks and doubled "" quotes, unquoted fields trimmed, blank lines skipped, CR-LF accepted.
 */
final class CsvRecords {
    /** Receives each record and the line it starts on; returns false to stop reading. */
    interface Sink {
        boolean record(String[] fields, int line);
    }

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
        while (true) {
            int read = in.read();
            boolean end = read < 0;
            char ch = end ? '\n' : (char) read;
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
            } else if (ch == '"' && cell.toString().isBlank()) {
                quoted = true;
                wasQuoted = true;
                cell.setLength(0);
            } else if (ch == delim) {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                cell.setLength(0);
                wasQuoted = false;
            } else if (ch == '\n') {
                fields.add(wasQuoted ? cell.toString() : cell.toString().trim());
                boolean blank = fields.size() == 1 && fields.get(0).isEmpty() && !wasQuoted;
                if (!blank && !sink.record(fields.toArray(new String[0]), recordLine)) {
                    return;
                }
                fields.clear();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                recordLine = line;
            } else if (ch != '\r') {
                cell.append(ch);
            }
            if (end) {
                return;
            }
        }
    }
}
