package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class ReserveContractPostgresTest extends ReserveContractCases {
    ReserveContractPostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
