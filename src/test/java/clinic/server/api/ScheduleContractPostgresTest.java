package clinic.server.api;

import clinic.testsupport.DatabaseKind;

class ScheduleContractPostgresTest extends ScheduleContractCases {
    ScheduleContractPostgresTest() {
        super(DatabaseKind.POSTGRES);
    }
}
