package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class ScheduleContractH2Test extends ScheduleContractCases {
    ScheduleContractH2Test() {
        super(DatabaseKind.H2);
    }
}
