package clinic.server.service;

import clinic.server.repository.UserAccount;

/** The result of reading the {@code Authorization} header. */
public sealed interface Authentication {

    /** No header (or an empty one). */
    record Missing() implements Authentication {}

    /** A header that is not {@code Token <key>} of a live token of an active user ({@code Bearer} included). */
    record Invalid() implements Authentication {}

    record Authenticated(UserAccount user) implements Authentication {}
}
