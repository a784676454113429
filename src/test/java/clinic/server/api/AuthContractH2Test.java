package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class AuthContractH2Test extends AuthContractCases {
    AuthContractH2Test() {
        super(DatabaseKind.H2);
    }
}
