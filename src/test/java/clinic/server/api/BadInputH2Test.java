package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class BadInputH2Test extends BadInputCases {
    BadInputH2Test() {
        super(DatabaseKind.H2);
    }
}
