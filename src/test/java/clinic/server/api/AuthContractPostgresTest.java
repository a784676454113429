package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class AuthContractPostgresTest extends AuthContractCases {
    AuthContractPostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
