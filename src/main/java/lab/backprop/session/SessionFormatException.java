package lab.backprop.session;

/** A session file could not be loaded; the message names the file and says what is wrong. */
public final class SessionFormatException extends Exception {
    public SessionFormatException(String source, String problem) {
        super(source + ": " + problem);
    }

    public SessionFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
    }
}
