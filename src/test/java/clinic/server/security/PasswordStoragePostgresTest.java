package clinic.server.security;

import clinic.testsupport.DatabaseKind;

class PasswordStoragePostgresTest extends PasswordStorageCases {
    PasswordStoragePostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
