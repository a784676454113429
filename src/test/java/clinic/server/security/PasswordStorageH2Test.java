package clinic.server.security;

import clinic.testsupport.DatabaseKind;

class PasswordStorageH2Test extends PasswordStorageCases {
    PasswordStorageH2Test() {
        super(DatabaseKind.H2);
    }
}
