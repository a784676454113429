package clinic.server.service;

import clinic.contract.AccountMessage;
import clinic.contract.ClinicDay;
import clinic.contract.Endpoint;
import clinic.contract.Field;
import clinic.server.repository.ClinicDetails;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.NewUser;
import clinic.server.repository.RosterEntry;
import clinic.server.repository.UserAccount;
import clinic.server.service.WeeklySchedule.ClinicSlot;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * The business of the clinic API, as a correct backend does it: accounts, tokens, the weekly schedule and
 * who may reserve for whom; the seat itself is the {@link SeatReservation}'s.
 */
public final class ClinicService implements ClinicBackend {

    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    private static final Pattern USERNAME_FORMAT = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String USERNAME_INVALID = "유효한 사용자 이름을 입력하십시오. 이 값은 문자, 숫자, @/./+/-/_ 만 가능합니다.";
    private static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String EMAIL_INVALID = "유효한 이메일 주소를 입력하십시오.";
    private static final String SUBJECT_UNKNOWN = "존재하지 않는 과목입니다.";

    private final Jdbi jdbi;
    private final ClinicRepository repository;
    private final PasswordHasher passwordHasher;
    private final TokenGenerator tokenGenerator = new TokenGenerator();
    private final RateLimiter rateLimiter;
    private final SeatReservation seats;
    private final String databaseKind;
    /** Verified against for unknown usernames, so that a login costs the same whether the user exists or not. */
    private final String decoyPasswordHash;

    public ClinicService(
            Jdbi jdbi,
            ClinicRepository repository,
            PasswordHasher passwordHasher,
            RateLimiter rateLimiter,
            SeatReservation seats,
            String databaseKind) {
        this.jdbi = jdbi;
        this.repository = repository;
        this.passwordHasher = passwordHasher;
        this.rateLimiter = rateLimiter;
        this.seats = seats;
        this.databaseKind = databaseKind;
        this.decoyPasswordHash = passwordHasher.hash(tokenGenerator.newToken());
    }

    // ---- health

    @Override
    public Health health() {
        return new Health(databaseKind, jdbi.withHandle(repository::countUsers));
    }

    // ---- accounts

    @Override
    public RegistrationOutcome register(Map<String, Object> body) {
        FormFields form = new FormFields(body);
        String username = form.required(Field.USERNAME, 150);
        String password = form.required(Field.PASSWORD, 128);
        String passwordConfirm =
                body.containsKey(Field.PASSWORD_CONFIRM) ? form.required(Field.PASSWORD_CONFIRM, 128) : null;
        String name = form.required(Field.NAME, 100);
        String phoneNum = form.optional(Field.PHONE_NUM, 20);
        String studentPhoneNum = form.optional(Field.STUDENT_PHONE_NUM, 20);
        String parentPhoneNum = form.optional(Field.STUDENT_PARENT_PHONE_NUM, 20);
        String school = form.optional(Field.SCHOOL, 100);
        String grade = form.optional(Field.GRADE, 20);
        String email = form.optional(Field.EMAIL, 254);
        Object subject = form.reference(Field.SUBJECT, 50);

        if (username != null && !USERNAME_FORMAT.matcher(username).matches()) {
            form.addError(Field.USERNAME, USERNAME_INVALID);
            username = null;
        }
        if (email != null && !EMAIL_FORMAT.matcher(email).matches()) {
            form.addError(Field.EMAIL, EMAIL_INVALID);
        }
        String checkedUsername = username;
        if (checkedUsername != null
                && jdbi.withHandle(h -> repository.findUserByUsername(h, checkedUsername))
                        .isPresent()) {
            form.addError(Field.USERNAME, AccountMessage.USERNAME_TAKEN);
        }
        Optional<Long> subjectId = subject == null ? Optional.empty() : jdbi.withHandle(h -> findSubject(h, subject));
        if (subject != null && subjectId.isEmpty()) {
            form.addError(Field.SUBJECT, SUBJECT_UNKNOWN);
        }
        if (form.hasErrors()) {
            return new RegistrationOutcome.FieldErrors(form.errors());
        }
        if (passwordConfirm != null && !passwordConfirm.equals(password)) {
            return new RegistrationOutcome.FieldErrors(
                    Map.of(Field.PASSWORD, List.of(AccountMessage.PASSWORDS_DIFFER)));
        }
        List<String> passwordProblems = PasswordRules.problems(password);
        if (!passwordProblems.isEmpty()) {
            return new RegistrationOutcome.FieldErrors(Map.of(Field.PASSWORD, passwordProblems));
        }
        NewUser user = new NewUser(
                checkedUsername,
                passwordHasher.hash(password),
                name,
                phoneNum,
                studentPhoneNum,
                parentPhoneNum,
                school,
                grade,
                email,
                subjectId.orElse(null),
                true,
                false);
        try {
            return new RegistrationOutcome.Registered(jdbi.inTransaction(h -> repository.insertUser(h, user)));
        } catch (JdbiException e) {
            if (SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                // a concurrent registration took the name between the check and the insert
                return new RegistrationOutcome.FieldErrors(
                        Map.of(Field.USERNAME, List.of(AccountMessage.USERNAME_TAKEN)));
            }
            throw e;
        }
    }

    /** A subject by production's id (a number) or by its code (a text such as {@code physics1}). */
    private Optional<Long> findSubject(Handle h, Object reference) {
        return reference instanceof Long id
                ? repository.findSubjectById(h, id)
                : repository.findSubjectId(h, (String) reference);
    }

    @Override
    public LoginOutcome login(Map<String, Object> body) {
        FormFields form = new FormFields(body);
        String username = form.required(Field.USERNAME, 150);
        String password = form.required(Field.PASSWORD, 128);
        if (form.hasErrors()) {
            return new LoginOutcome.FieldErrors(form.errors());
        }
        Optional<UserAccount> found = jdbi.withHandle(h -> repository.findUserByUsername(h, username));
        if (found.isEmpty()) {
            passwordHasher.verify(password, decoyPasswordHash);
            return new LoginOutcome.BadCredentials();
        }
        UserAccount user = found.get();
        if (!passwordHasher.verify(password, user.passwordHash())) {
            return new LoginOutcome.BadCredentials();
        }
        if (!user.isActive()) {
            return new LoginOutcome.Inactive();
        }
        String token = tokenGenerator.newToken();
        jdbi.useTransaction(h -> {
            repository.recordLogin(h, user.id());
            repository.replaceTokens(h, user.id(), token);
        });
        return new LoginOutcome.LoggedIn(token, user);
    }

    @Override
    public Authentication authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Authentication.Missing();
        }
        if (!authorizationHeader.startsWith(Endpoint.TOKEN_SCHEME)) {
            return new Authentication.Invalid();
        }
        String key =
                authorizationHeader.substring(Endpoint.TOKEN_SCHEME.length()).strip();
        if (!TokenGenerator.isWellFormed(key)) {
            return new Authentication.Invalid();
        }
        return jdbi.withHandle(h -> repository.findUserByToken(h, key))
                .filter(UserAccount::isActive)
                .<Authentication>map(Authentication.Authenticated::new)
                .orElseGet(Authentication.Invalid::new);
    }

    @Override
    public RateLimiter.Decision admitReservationRequest(UserAccount caller) {
        return rateLimiter.check(caller.id());
    }

    @Override
    public long rateLimitWindowSeconds() {
        return rateLimiter.windowSeconds();
    }

    // ---- schedule

    @Override
    public WeeklySchedule weeklySchedule() {
        List<ClinicDetails> active = jdbi.withHandle(repository::listActiveClinics);
        Map<Long, List<RosterEntry>> rosters = jdbi.withHandle(repository::listActiveRosters).stream()
                .collect(Collectors.groupingBy(RosterEntry::clinicId));
        List<ClinicSlot> slots = active.stream()
                .map(clinic -> new ClinicSlot(clinic, rosters.getOrDefault(clinic.id(), List.of())))
                .toList();

        List<String> days = new ArrayList<>();
        for (ClinicDay day : ClinicDay.values()) {
            if (active.stream().anyMatch(clinic -> clinic.day().equals(day.key()))) {
                days.add(day.key());
            }
        }
        if (days.isEmpty()) {
            for (ClinicDay day : ClinicDay.values()) {
                days.add(day.key());
            }
        }
        List<String> times = List.copyOf(active.stream()
                .map(clinic -> clinic.time().format(TIME_FORMAT))
                .collect(Collectors.toCollection(TreeSet::new)));

        // slots come ordered by id, so the first one met in a cell is the one production shows
        Map<String, Map<String, ClinicSlot>> grid = new LinkedHashMap<>();
        for (String day : days) {
            Map<String, ClinicSlot> row = new LinkedHashMap<>();
            for (String time : times) {
                row.put(
                        time,
                        slots.stream()
                                .filter(slot -> slot.clinic().day().equals(day)
                                        && slot.clinic()
                                                .time()
                                                .format(TIME_FORMAT)
                                                .equals(time))
                                .findFirst()
                                .orElse(null));
            }
            grid.put(day, row);
        }
        List<ClinicSlot> listed = slots.stream()
                .sorted(Comparator.comparing(
                                (ClinicSlot slot) -> dayOrder(slot.clinic().day()))
                        .thenComparing(slot -> slot.clinic().time())
                        .thenComparing(slot -> slot.clinic().room())
                        .thenComparing(slot -> slot.clinic().id()))
                .toList();
        return new WeeklySchedule(days, times, grid, listed, active.size());
    }

    private static int dayOrder(String dayKey) {
        return ClinicDay.find(dayKey).map(Enum::ordinal).orElse(ClinicDay.values().length);
    }

    // ---- reservations

    @Override
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        if (userId != caller.id() && !caller.isStaff()) {
            return new ReservationOutcome.Forbidden();
        }
        Optional<UserAccount> student =
                userId == caller.id() ? Optional.of(caller) : jdbi.withHandle(h -> repository.findUserById(h, userId));
        if (student.isEmpty()) {
            return new ReservationOutcome.UnknownUser();
        }
        return seats.reserve(student.get(), clinicId);
    }
}
