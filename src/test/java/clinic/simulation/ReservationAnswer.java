package clinic.simulation;

/**
 * A classified reservation answer.
 *
 * @param detail why a technical failure is one (empty for business answers)
 */
public record ReservationAnswer(RejectionReason reason, String detail) {

    public boolean reserved() {
        return reason == RejectionReason.RESERVED;
    }

    /**
     * The KO message of the request: the bare reason for business rejections, so that Gatling's Errors
     * table is the reason breakdown; technical failures add what went wrong.
     */
    public String koMessage() {
        return reason.technical() ? reason.name() + ": " + detail : reason.name();
    }
}
