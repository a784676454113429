package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class BadInputPostgresTest extends BadInputCases {
    BadInputPostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
