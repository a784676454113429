package clinic.server.http;

/** A request that ends early with a fixed status and JSON body (401, 400 invalid_request, 429...). */
final class ApiException extends RuntimeException {

    private final int status;
    private final transient Object body;

    ApiException(int status, Object body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    Object body() {
        return body;
    }
}
