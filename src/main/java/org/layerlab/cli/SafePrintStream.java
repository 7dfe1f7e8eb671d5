package org.layerlab.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the command line prints, with control characters made visible: names and messages come
 * from project and data files, and an escape sequence in a layer name must not clear the
 * terminal, forge lines or set its title. Tabs, line feeds and carriage returns (the live
 * progress line) pass; any other control character is printed as ^X (ESC as ^[), or as \\u0085
 * for the C1 range.
 */
final class SafePrintStream extends PrintStream {
    SafePrintStream(OutputStream out) {
        super(out, true, StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                if (!control) {
                    sb.append(c);
                } else if (c < 0x20) {
                    sb.append('^').append((char) (c + 64));
                } else if (c == 0x7f) {
                    sb.append("^?");
                } else {
                    sb.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public void print(String s) {
        super.print(s == null ? null : escape(s));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void println(String s) {
        super.println(s == null ? null : escape(s));
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }
}
