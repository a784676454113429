/**
 * The correct server's series, on H2 and on PostgreSQL: no false alarm in ten runs each. Apart from the fault
 * series because they are the longest of the detection suite and mostly wait on the scenario's pauses:
 * failsafe's reverse-alphabetical order starts this package right after the simulation's own integration
 * tests, instead of last, where they ran alone on an idle machine for a minute.
 */
package clinic.detection.correct;
