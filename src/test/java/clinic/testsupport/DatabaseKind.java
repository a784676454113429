package clinic.testsupport;

/** The two databases every server test runs on. */
public enum DatabaseKind {
    H2,
    POSTGRES
}
