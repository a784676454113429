package clinic.server.service;

import clinic.contract.AccountMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads text fields of a JSON object body and collects field errors the way Django REST framework
 * reports them: a map from field name to a list of Korean messages.
 */
final class FormFields {

    static final String BLANK = "이 필드는 blank일 수 없습니다.";
    static final String NULL = "이 필드는 null일 수 없습니다.";
    static final String NOT_TEXT = "올바른 문자열이 아닙니다.";
    static final String INVALID_ID = "유효하지 않은 값입니다.";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

    private final Map<String, Object> body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    FormFields(Map<String, Object> body) {
        this.body = body;
    }

    /** A required non-blank text of at most {@code maxLength} characters, or null after recording why not. */
    String required(String field, int maxLength) {
        if (!body.containsKey(field)) {
            addError(field, AccountMessage.FIELD_REQUIRED);
            return null;
        }
        String value = text(field, maxLength);
        if (value != null && value.isBlank()) {
            addError(field, BLANK);
            return null;
        }
        return value;
    }

    /** An optional text: absent, null and "" all give null. */
    String optional(String field, int maxLength) {
        if (body.get(field) == null) {
            return null;
        }
        String value = text(field, maxLength);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * An optional reference to another row, as production's forms take it: its id (a whole number, or a
     * text of digits) as a {@link Long}, or else its code as a text of at most {@code maxLength}
     * characters; absent, null and "" give null.
     */
    Object reference(String field, int maxLength) {
        if (body.get(field) instanceof BigInteger number) {
            return id(field, number);
        }
        String text = optional(field, maxLength);
        return text != null && DIGITS.matcher(text).matches() ? id(field, new BigInteger(text)) : text;
    }

    private Long id(String field, BigInteger number) {
        if (number.signum() > 0 && number.bitLength() < Long.SIZE) {
            return number.longValue();
        }
        addError(field, INVALID_ID);
        return null;
    }

    private String text(String field, int maxLength) {
        Object value = body.get(field);
        if (value == null) {
            addError(field, NULL);
            return null;
        }
        if (!(value instanceof String text)) {
            addError(field, NOT_TEXT);
            return null;
        }
        if (text.length() > maxLength) {
            addError(field, "이 필드의 글자 수가 " + maxLength + " 이하인지 확인하십시오.");
            return null;
        }
        return text;
    }

    void addError(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
