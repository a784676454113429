package clinic.server.contention;

import clinic.testsupport.DatabaseKind;

class ContentionH2Test extends ContentionCases {
    ContentionH2Test() {
        super(DatabaseKind.H2);
    }
}
