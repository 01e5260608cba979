package lab.backprop.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

/** One run of the command line with its stdout, stderr and exit code captured. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = BackpropCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    List<String> outLines() { return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R")); }
    List<String> errLines() { return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R")); }

    @Override public String toString() { return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err; }
}
