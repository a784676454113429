package clinic.server.service;

import clinic.contract.ClinicDay;
import clinic.server.FaultMode;
import clinic.server.repository.ClinicDetails;
import clinic.server.repository.ClinicRepository;
import clinic.server.repository.ClinicRepository.SeatsAndDetails;
import clinic.server.repository.ClinicSeats;
import clinic.server.repository.NewUser;
import clinic.server.repository.RosterEntry;
import clinic.server.repository.UserAccount;
import clinic.server.service.WeeklySchedule.ClinicSlot;
import java.sql.SQLException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The business of the clinic API: accounts, tokens, the weekly schedule and reservations, with their transactions. */
public final class ClinicService {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicService.class);

    /** Students with this many unexcused absences cannot book this week. */
    static final int NO_SHOW_LIMIT = 2;

    public static final DateTimeFormatter TIME_FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    private static final String TOKEN_SCHEME = "Token ";
    private static final Pattern USERNAME_FORMAT = Pattern.compile("[\\w.@+-]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final String USERNAME_INVALID = "유효한 사용자 이름을 입력하십시오. 이 값은 문자, 숫자, @/./+/-/_ 만 가능합니다.";
    private static final String USERNAME_TAKEN = "해당 사용자 이름은 이미 존재합니다.";
    private static final String PASSWORDS_DIFFER = "비밀번호가 일치하지 않습니다.";
    private static final Pattern EMAIL_FORMAT = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String EMAIL_INVALID = "유효한 이메일 주소를 입력하십시오.";
    private static final String SUBJECT_UNKNOWN = "존재하지 않는 과목입니다.";

    private static final String UNIQUE_VIOLATION = "23505";
    /** H2 reports a CHECK violation as 23513, PostgreSQL as 23514. */
    private static final List<String> CHECK_VIOLATIONS = List.of("23513", "23514");

    private final Jdbi jdbi;
    private final ClinicRepository repository;
    private final PasswordHasher passwordHasher;
    private final TokenGenerator tokenGenerator = new TokenGenerator();
    private final RateLimiter rateLimiter;
    private final FaultInjector faults;
    private final String databaseKind;
    /** Verified against for unknown usernames, so that a login costs the same whether the user exists or not. */
    private final String decoyPasswordHash;

    public ClinicService(
            Jdbi jdbi,
            ClinicRepository repository,
            PasswordHasher passwordHasher,
            RateLimiter rateLimiter,
            FaultInjector faults,
            String databaseKind) {
        this.jdbi = jdbi;
        this.repository = repository;
        this.passwordHasher = passwordHasher;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.databaseKind = databaseKind;
        this.decoyPasswordHash = passwordHasher.hash(tokenGenerator.newToken());
    }

    // ---- health

    public record Health(String database, int userCount) {}

    public Health health() {
        return new Health(databaseKind, jdbi.withHandle(repository::countUsers));
    }

    // ---- accounts

    /** Creates a student account; roles never come from the request. */
    public RegistrationOutcome register(Map<String, Object> body) {
        FormFields form = new FormFields(body);
        String username = form.required("username", 150);
        String password = form.required("password", 128);
        String passwordConfirm = body.containsKey("password_confirm") ? form.required("password_confirm", 128) : null;
        String name = form.required("name", 100);
        String phoneNum = form.optional("phone_num", 20);
        String studentPhoneNum = form.optional("student_phone_num", 20);
        String parentPhoneNum = form.optional("student_parent_phone_num", 20);
        String school = form.optional("school", 100);
        String grade = form.optional("grade", 20);
        String email = form.optional("email", 254);
        Object subject = form.reference("subject", 50);

        if (username != null && !USERNAME_FORMAT.matcher(username).matches()) {
            form.addError("username", USERNAME_INVALID);
            username = null;
        }
        if (email != null && !EMAIL_FORMAT.matcher(email).matches()) {
            form.addError("email", EMAIL_INVALID);
        }
        String checkedUsername = username;
        if (checkedUsername != null
                && jdbi.withHandle(h -> repository.findUserByUsername(h, checkedUsername))
                        .isPresent()) {
            form.addError("username", USERNAME_TAKEN);
        }
        Optional<Long> subjectId = subject == null ? Optional.empty() : jdbi.withHandle(h -> findSubject(h, subject));
        if (subject != null && subjectId.isEmpty()) {
            form.addError("subject", SUBJECT_UNKNOWN);
        }
        if (form.hasErrors()) {
            return new RegistrationOutcome.FieldErrors(form.errors());
        }
        if (passwordConfirm != null && !passwordConfirm.equals(password)) {
            return new RegistrationOutcome.FieldErrors(Map.of("password", List.of(PASSWORDS_DIFFER)));
        }
        List<String> passwordProblems = PasswordRules.problems(password);
        if (!passwordProblems.isEmpty()) {
            return new RegistrationOutcome.FieldErrors(Map.of("password", passwordProblems));
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
            if (UNIQUE_VIOLATION.equals(sqlState(e))) {
                // a concurrent registration took the name between the check and the insert
                return new RegistrationOutcome.FieldErrors(Map.of("username", List.of(USERNAME_TAKEN)));
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

    public LoginOutcome login(Map<String, Object> body) {
        faults.loginWork();
        FormFields form = new FormFields(body);
        String username = form.required("username", 150);
        String password = form.required("password", 128);
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

    /** Reads {@code Authorization: Token <key>}; any other scheme, {@code Bearer} included, is an invalid token. */
    public Authentication authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            return new Authentication.Missing();
        }
        if (!authorizationHeader.startsWith(TOKEN_SCHEME)) {
            return new Authentication.Invalid();
        }
        String key = authorizationHeader.substring(TOKEN_SCHEME.length()).strip();
        if (!TokenGenerator.isWellFormed(key)) {
            return new Authentication.Invalid();
        }
        return jdbi.withHandle(h -> repository.findUserByToken(h, key))
                .filter(UserAccount::isActive)
                .<Authentication>map(Authentication.Authenticated::new)
                .orElseGet(Authentication.Invalid::new);
    }

    /** Counts one reservation request of the user against the rate limit. */
    public RateLimiter.Decision admitReservationRequest(UserAccount caller) {
        return rateLimiter.check(caller.id());
    }

    public long rateLimitWindowSeconds() {
        return rateLimiter.windowSeconds();
    }

    // ---- schedule

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
        List<ClinicSlot> listed = faults.isOn(FaultMode.HIDDEN_CLINICS)
                ? null
                : slots.stream()
                        .sorted(Comparator.comparing((ClinicSlot slot) ->
                                        dayOrder(slot.clinic().day()))
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

    /**
     * Reserves a seat for {@code userId} in {@code clinicId} on behalf of the authenticated caller, with the
     * contract's checks in its order. The body has already been checked for missing and malformed ids.
     */
    public ReservationOutcome reserve(UserAccount caller, long userId, long clinicId) {
        if (faults.isOn(FaultMode.SLOW)) {
            FaultInjector.pause(FaultMode.SLOW_DELAY);
        }
        faults.passBottleneck();
        if (userId != caller.id() && !caller.isStaff() && !faults.isOn(FaultMode.FOREIGN_BOOKING)) {
            return new ReservationOutcome.Forbidden();
        }
        Optional<UserAccount> student =
                userId == caller.id() ? Optional.of(caller) : jdbi.withHandle(h -> repository.findUserById(h, userId));
        if (student.isEmpty()) {
            return new ReservationOutcome.UnknownUser();
        }
        if (faults.failThisRequest()) {
            return new ReservationOutcome.Failed(FaultMode.INJECTED_ERROR_DETAIL);
        }
        try {
            return reserveSeat(student.get(), clinicId);
        } catch (JdbiException e) {
            return constraintAnswer(e, clinicId, student.get().id()).orElseThrow(() -> e);
        }
    }

    /**
     * First the checks on the committed state without any lock: seats only ever fill up (cancellation is
     * disabled), so a refusal read there is the right answer, and a full hot clinic answers its crowd
     * without queueing on the row lock. Only a booking takes the lock: one transaction that locks the
     * clinic row ({@code SELECT ... FOR UPDATE}), as production does, checks again and writes. The lock
     * serialises the bookings of one clinic, so the ordered checks (already reserved, no-show, capacity)
     * and the insert see and change one consistent state under READ COMMITTED; a conditional
     * {@code UPDATE ... WHERE reserved_count < capacity} alone would guard capacity but not keep the
     * contract's order of answers. Commit happens before the 200 is sent.
     *
     * <p>Round trips count at the opening rush: each read answers every check at once (seats, open, held by
     * the student), the unlocked one also brings the clinic's details for the answer, and both run on one
     * connection, so a booking costs the unlocked read, the lock, the insert and the commit.
     */
    private ReservationOutcome reserveSeat(UserAccount student, long clinicId) {
        try (Handle h = jdbi.open()) {
            Optional<SeatsAndDetails> read = repository.readClinicSeats(h, clinicId, student.id());
            Optional<ReservationOutcome> refusal = refusal(read.map(SeatsAndDetails::seats), student, false);
            if (refusal.isPresent()) {
                return refusal.get();
            }
            ClinicDetails clinic = read.get().details();
            if (faults.isOn(FaultMode.DOUBLE_CLICK)) {
                // The fault: the already-reserved check above, then a window before the booking skips it.
                FaultInjector.pause(FaultMode.DOUBLE_CLICK_RACE_WINDOW);
            }
            if (faults.isOn(FaultMode.OVERBOOK)) {
                // The fault: a wide window between the read above and a blind write of the count read there.
                FaultInjector.pause(FaultMode.OVERBOOK_RACE_WINDOW);
                return h.inTransaction(tx -> book(tx, read.get().seats(), clinic, student));
            }
            return h.inTransaction(tx -> {
                Optional<ClinicSeats> locked = repository.lockClinicSeats(tx, clinicId, student.id());
                Optional<ReservationOutcome> lockedRefusal = refusal(locked, student, true);
                return lockedRefusal.isPresent() ? lockedRefusal.get() : book(tx, locked.get(), clinic, student);
            });
        }
    }

    /**
     * Checks #3 to #7 of the contract against the clinic row read by the caller, {@code locked} or not;
     * empty when booking may go on. The business-rule faults skip their check here.
     */
    private Optional<ReservationOutcome> refusal(Optional<ClinicSeats> found, UserAccount student, boolean locked) {
        if (found.isEmpty()) {
            return Optional.of(new ReservationOutcome.UnknownClinic());
        }
        ClinicSeats seats = found.get();
        if (!seats.active() && !faults.isOn(FaultMode.CLOSED_IGNORED)) {
            return Optional.of(new ReservationOutcome.Closed());
        }
        boolean checksReserved = !(locked && faults.isOn(FaultMode.DOUBLE_CLICK));
        if (checksReserved && seats.heldByStudent()) {
            return Optional.of(new ReservationOutcome.AlreadyReserved());
        }
        if (student.isStudent() && student.noShow() >= NO_SHOW_LIMIT && !faults.isOn(FaultMode.NO_SHOW_IGNORED)) {
            return Optional.of(new ReservationOutcome.NoShowBlocked(student.name(), student.noShow()));
        }
        if (seats.reservedCount() >= seats.capacity()) {
            return Optional.of(new ReservationOutcome.Occupied(seats.reservedCount(), seats.capacity()));
        }
        return Optional.empty();
    }

    /** Inserts the reservation (the database counts the seat); the counting faults act here. */
    private ReservationOutcome book(Handle h, ClinicSeats seats, ClinicDetails clinic, UserAccount student) {
        boolean faultHit = faults.countsSuccesses() && faults.hitThisSuccess();
        repository.insertReservation(h, seats.id(), student.id());
        int reservedAfter = seats.reservedCount() + 1;
        if (faults.isOn(FaultMode.OVERBOOK)) {
            repository.writeReservedCount(h, seats.id(), reservedAfter);
        }
        if (faultHit && faults.isOn(FaultMode.LOST_WRITE)) {
            h.rollback();
            LOG.debug("lost-write fault: reservation of user {} in clinic {} rolled back", student.id(), seats.id());
        }
        if (faultHit && faults.isOn(FaultMode.PHANTOM)) {
            return new ReservationOutcome.Occupied(reservedAfter, seats.capacity());
        }
        return new ReservationOutcome.Reserved(clinic, seats.capacity() - reservedAfter);
    }

    /** The business answer for a constraint that still fired: unique → already reserved, check → occupied. */
    private Optional<ReservationOutcome> constraintAnswer(JdbiException e, long clinicId, long studentId) {
        String state = sqlState(e);
        if (UNIQUE_VIOLATION.equals(state)) {
            LOG.warn("unique constraint stopped a double reservation in clinic {}", clinicId);
            return Optional.of(new ReservationOutcome.AlreadyReserved());
        }
        if (CHECK_VIOLATIONS.contains(state)) {
            LOG.warn("check constraint stopped an overbooking of clinic {}", clinicId);
            return jdbi.withHandle(h -> repository.readClinicSeats(h, clinicId, studentId))
                    .map(SeatsAndDetails::seats)
                    .map(seats -> new ReservationOutcome.Occupied(seats.reservedCount(), seats.capacity()));
        }
        return Optional.empty();
    }

    private static String sqlState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** Forgets rate-limit history and restarts the fault counters (fixture reloaded between load runs). */
    public void resetRunState() {
        rateLimiter.reset();
        faults.reset();
    }
}
