package clinic.server.api;

import static clinic.testsupport.ContractText.FIXTURE_PASSWORD;

import clinic.server.FaultMode;
import clinic.server.FixtureClinic;
import clinic.server.FixtureReport;
import clinic.server.FixtureSpec;
import clinic.server.ReferenceServer;
import clinic.server.ServerConfig;
import clinic.testsupport.ApiClient;
import clinic.testsupport.TestServer;
import clinic.testsupport.TestStudent;
import java.util.Set;

/**
 * Reference servers with fault modes, on the fixture the detection suite uses (the last of 20 students
 * blocked, one closed clinic) and the in-memory H2 database the double-click fault needs.
 */
final class FaultyServers {

    static final FixtureSpec FIXTURE =
            FixtureSpec.standard().withNoShowStudents(1).withClosedClinics(1);

    private FaultyServers() {}

    static ReferenceServer start(Set<FaultMode> faults) {
        return start(config().withFaults(faults));
    }

    /** @param config from {@link #config()} */
    static ReferenceServer start(ServerConfig config) {
        return ReferenceServer.start(config);
    }

    /** The configuration of these servers, without faults. */
    static ServerConfig config() {
        return ServerConfig.defaults()
                .withPasswordIterations(TestServer.TEST_PASSWORD_ITERATIONS)
                .withFixture(FIXTURE);
    }

    static TestStudent login(ApiClient api, String username) {
        return api.logIn(username, FIXTURE_PASSWORD);
    }

    static long openClinic(ReferenceServer server) {
        return openClinic(server.fixtureReport());
    }

    static long openClinic(FixtureReport fixture) {
        return fixture.clinics().stream()
                .filter(FixtureClinic::active)
                .findFirst()
                .orElseThrow()
                .id();
    }

    static long closedClinic(ReferenceServer server) {
        return server.fixtureReport().clinics().stream()
                .filter(clinic -> !clinic.active())
                .findFirst()
                .orElseThrow()
                .id();
    }
}
