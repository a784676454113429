/**
 * The reference server's fault modes ({@link clinic.server.FaultMode}): each one a class that wraps the part
 * of the correct backend ({@code clinic.server.service}) it breaks, altering what goes in or comes out, or
 * replacing that part. {@link clinic.server.fault.Faults} chooses them once, when the server is built.
 */
package clinic.server.fault;
