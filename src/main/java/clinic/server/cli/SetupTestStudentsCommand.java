package clinic.server.cli;

import clinic.server.FixtureSpec;
import clinic.server.FixtureSpec.Passwords;
import clinic.server.fixture.TestFixture;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "setup-test-students",
        mixinStandardHelpOptions = true,
        description = "Creates the test students test_student_01..NN (password testpass123) in the database.")
class SetupTestStudentsCommand implements Callable<Integer> {

    @Option(names = "--count", paramLabel = "N", description = "number of students (default: ${DEFAULT-VALUE})")
    int count = FixtureSpec.DEFAULT_STUDENTS;

    @Option(names = "--reset-passwords", description = "set existing test students' password back to testpass123")
    boolean resetPasswords;

    @Option(
            names = "--no-show-students",
            paramLabel = "K",
            description = "give the last K students two no-shows: blocked this week (default: ${DEFAULT-VALUE})")
    int noShowStudents;

    @Mixin
    FixtureDatabaseOptions database;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        OptionRange.require(spec, "--count", count, 1, FixtureSpec.MAX_STUDENTS);
        OptionRange.require(spec, "--no-show-students", noShowStudents, 0, count);
        TestFixture.StudentSetup setup = database.withFixture(fixture ->
                fixture.setupStudents(count, resetPasswords ? Passwords.RESET : Passwords.KEEP, noShowStudents));
        System.out.println("✅ 학생 " + setup.created() + "명 생성, 기존 " + setup.existing() + "명 유지"
                + (resetPasswords ? " (비밀번호 " + setup.passwordsReset() + "명 초기화)" : ""));
        System.out.println("   아이디 " + setup.usernames().get(0) + " … "
                + setup.usernames().get(count - 1) + ", 비밀번호 " + TestFixture.PASSWORD);
        if (noShowStudents > 0) {
            System.out.println("   노쇼 " + FixtureSpec.BLOCKING_NO_SHOWS + "회 (금주 예약 불가): "
                    + setup.usernames().get(count - noShowStudents) + " … "
                    + setup.usernames().get(count - 1));
        }
        return 0;
    }
}
