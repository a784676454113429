package clinic.server;

/** The server could not start: database unreachable, port taken, or a fault refused for this database. */
public class ServerStartException extends IllegalStateException {

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public ServerStartException(String message) {
        super(message);
    }
}
