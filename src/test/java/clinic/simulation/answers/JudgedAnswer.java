package clinic.simulation.answers;

/**
 * An answer of the backend as the harness reads it, once per request: the request's check judges it, the
 * steps record it in the ledger.
 */
public interface JudgedAnswer {

    /** What is wrong with the answer, the KO message of its request; null when it is what the step wanted. */
    String failure();

    default boolean ok() {
        return failure() == null;
    }
}
