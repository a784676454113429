package clinic.server.repository;

/** A row of {@code users} with its subject, as the service needs it. */
public record UserAccount(
        long id,
        String username,
        String passwordHash,
        String name,
        String phoneNum,
        String studentPhoneNum,
        String studentParentPhoneNum,
        String school,
        String grade,
        String email,
        String subjectCode,
        String subjectName,
        boolean isStudent,
        boolean isTeacher,
        boolean isStaff,
        boolean isSuperuser,
        boolean isActive,
        int noShow,
        boolean nonPass,
        boolean essentialClinic) {

    public UserAccount withStaff(boolean staff) {
        return copy(staff, noShow);
    }

    public UserAccount withNoShow(int count) {
        return copy(isStaff, count);
    }

    private UserAccount copy(boolean staff, int noShowCount) {
        return new UserAccount(
                id,
                username,
                passwordHash,
                name,
                phoneNum,
                studentPhoneNum,
                studentParentPhoneNum,
                school,
                grade,
                email,
                subjectCode,
                subjectName,
                isStudent,
                isTeacher,
                staff,
                isSuperuser,
                isActive,
                noShowCount,
                nonPass,
                essentialClinic);
    }
}
