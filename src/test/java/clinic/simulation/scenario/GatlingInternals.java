package clinic.simulation.scenario;

import io.gatling.commons.validation.Failure;
import io.gatling.commons.validation.Success;
import io.gatling.commons.validation.Validation;
import io.gatling.core.stats.StatsEngine$;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.internal.CoreCheckType;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Function;
import scala.Option;

/**
 * The only place that reaches past Gatling's public Java API, for what that API does not offer; a Gatling
 * upgrade that moves these internals breaks here, and GatlingInternalsTest says which.
 *
 * <ul>
 *   <li>How many users an injection brings and over how long: the run's students are the users its
 *       injection brings, and its rendezvous and bound follow from them.
 *   <li>A check whose failure message is ours, word for word: the Java DSL's {@code validate} words a
 *       failure as an exception's class name and message, so Gatling's Errors table would read
 *       {@code IllegalStateException: ...} instead of the reason.
 *   <li>How many characters of a failure message Gatling's statistics keep.
 * </ul>
 */
public final class GatlingInternals {

    private GatlingInternals() {}

    /** The users the injection steps bring, in all. */
    public static long users(OpenInjectionStep... injection) {
        return Arrays.stream(injection)
                .mapToLong(step -> step.asScala().users())
                .sum();
    }

    /** How long the injection steps take to bring their users. */
    public static Duration arrivals(OpenInjectionStep... injection) {
        return Duration.ofNanos(Arrays.stream(injection)
                .mapToLong(step -> step.asScala().duration().toNanos())
                .sum());
    }

    /**
     * The characters Gatling keeps of a failure judged as {@code judgement}: its statistics store the first
     * {@code ErrorMessageMaxLength} of {@code <judgement>, <failure>} and drop the rest.
     */
    public static int failureRoom(String judgement) {
        return StatsEngine$.MODULE$.ErrorMessageMaxLength() - judgement.length() - ", ".length();
    }

    /**
     * A check named {@code judgement} that fails the request with {@code failure}'s message when it gives
     * one (null: the request is OK), so that the Errors table reads {@code <judgement>, <failure>}. Built
     * with the Scala DSL's {@code validate(name, function)}, whose failure message is the function's own,
     * and wrapped as the Java DSL wraps its body checks.
     */
    static CheckBuilder judged(String judgement, Function<Session, String> failure) {
        io.gatling.core.check.CheckBuilder.Final<?, ?> check = io.gatling.core.Predef.bodyString()
                .find()
                .validate(judgement, (body, session) -> {
                    String message = failure.apply(new Session(session));
                    return message == null ? new Success<>(body) : failed(message);
                })
                .name(judgement);
        return new CheckBuilder.Final.Default<>(check, CoreCheckType.BodyString);
    }

    /** Scala's {@code Failure} is a {@code Validation[Nothing]}, which Java's generics do not widen by themselves. */
    @SuppressWarnings("unchecked")
    private static Validation<Option<String>> failed(String message) {
        return (Validation<Option<String>>) (Validation<?>) new Failure(message);
    }
}
