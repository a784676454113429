package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class ReserveContractH2Test extends ReserveContractCases {
    ReserveContractH2Test() {
        super(DatabaseKind.H2);
    }
}
