package clinic.contract;

/**
 * The JSON field names of the contract's bodies, as production spells them. The reference server writes
 * them, the load test and the tests read them.
 */
public final class Field {

    // every error answer
    public static final String ERROR = "error";
    public static final String MESSAGE = "message";
    /** Authentication failures and Django REST framework's own errors. */
    public static final String DETAIL = "detail";

    // health
    public static final String STATUS = "status";
    public static final String TIMESTAMP = "timestamp";
    public static final String DATABASE = "database";
    public static final String USER_COUNT = "user_count";

    // accounts: register and login bodies, the login answer's user
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String PASSWORD_CONFIRM = "password_confirm";
    public static final String NAME = "name";
    public static final String PHONE_NUM = "phone_num";
    public static final String STUDENT_PHONE_NUM = "student_phone_num";
    public static final String STUDENT_PARENT_PHONE_NUM = "student_parent_phone_num";
    public static final String SCHOOL = "school";
    public static final String GRADE = "grade";
    public static final String EMAIL = "email";
    public static final String TOKEN = "token";
    public static final String USER = "user";
    public static final String ID = "id";
    public static final String NO_SHOW = "no_show";
    public static final String SUBJECT_NAME = "subject_name";
    public static final String IS_STUDENT = "is_student";
    public static final String IS_TEACHER = "is_teacher";
    public static final String IS_STAFF = "is_staff";
    public static final String IS_SUPERUSER = "is_superuser";
    public static final String NON_PASS = "non_pass";
    public static final String ESSENTIAL_CLINIC = "essential_clinic";
    public static final String REDIRECT = "redirect";
    public static final String NEEDS_PASSWORD_CHANGE = "needs_password_change";

    // reservation request and answers
    public static final String USER_ID = "user_id";
    public static final String CLINIC_ID = "clinic_id";
    public static final String SUCCESS = "success";
    public static final String CLINIC_INFO = "clinic_info";
    public static final String CLINIC_STATUS = "clinic_status";
    public static final String NO_SHOW_COUNT = "no_show_count";
    public static final String USER_NAME = "user_name";
    public static final String REMAINING_REQUESTS = "remaining_requests";
    public static final String WINDOW_SECONDS = "window_seconds";

    // weekly schedule: the grid, the reference server's list, and each cell
    public static final String SCHEDULE = "schedule";
    public static final String DAYS = "days";
    public static final String TIMES = "times";
    public static final String TOTAL_CLINICS = "total_clinics";
    public static final String CLINICS = "clinics";
    public static final String DAY = "day";
    public static final String TIME = "time";
    public static final String TEACHER_NAME = "teacher_name";
    public static final String TEACHER = "teacher";
    public static final String SUBJECT = "subject";
    public static final String ROOM = "room";
    public static final String CAPACITY = "capacity";
    public static final String CURRENT_COUNT = "current_count";
    public static final String REMAINING_SPOTS = "remaining_spots";
    public static final String IS_FULL = "is_full";
    public static final String IS_ACTIVE = "is_active";
    public static final String STUDENTS = "students";

    /** The value of {@link #CLINIC_STATUS} for a closed clinic. */
    public static final String INACTIVE = "inactive";
    /** The value of {@link #STATUS} of a server that answers its health check. */
    public static final String HEALTHY = "healthy";

    private Field() {}
}
