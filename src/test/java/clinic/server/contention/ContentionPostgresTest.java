package clinic.server.contention;

import clinic.testsupport.DatabaseKind;

class ContentionPostgresTest extends ContentionCases {
    ContentionPostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
