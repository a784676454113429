package clinic.testsupport;

/** A student account a test registered and logged in. */
public record TestStudent(long id, String username, String password, String name, String token) {}
