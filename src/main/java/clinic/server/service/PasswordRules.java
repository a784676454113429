package clinic.server.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Django's default password validators that registration applies: length, common, all digits. */
final class PasswordRules {

    static final int MIN_LENGTH = 8;
    static final String TOO_SHORT = "비밀번호가 너무 짧습니다. 최소 " + MIN_LENGTH + " 문자를 포함해야 합니다.";
    static final String TOO_COMMON = "비밀번호가 너무 일상적인 단어입니다.";
    static final String ALL_DIGITS = "비밀번호가 전부 숫자로 되어 있습니다.";

    private static final Set<String> COMMON_PASSWORDS = loadCommonPasswords();

    private PasswordRules() {}

    /** The messages for every rule the password breaks; empty when it is acceptable. */
    static List<String> problems(String password) {
        List<String> problems = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            problems.add(TOO_SHORT);
        }
        if (COMMON_PASSWORDS.contains(password.toLowerCase(Locale.ROOT).strip())) {
            problems.add(TOO_COMMON);
        }
        if (password.chars().allMatch(Character::isDigit)) {
            problems.add(ALL_DIGITS);
        }
        return problems;
    }

    private static Set<String> loadCommonPasswords() {
        try (InputStream in = PasswordRules.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource common-passwords.txt is missing from the build");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.lines()
                        .map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                        .collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read common-passwords.txt", e);
        }
    }
}
