package clinic.server.repository;

/** The columns of a user to insert; roles are decided by the caller (registration or fixture). */
public record NewUser(
        String username,
        String passwordHash,
        String name,
        String phoneNum,
        String studentPhoneNum,
        String studentParentPhoneNum,
        String school,
        String grade,
        String email,
        Long subjectId,
        boolean isStudent,
        boolean isTeacher) {}
