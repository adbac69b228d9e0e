package org.hybridonboarding.directory;

/** The facts about a new hire that the directory needs. */
public record NewHire(
    String employeeId,
    String givenName,
    String surname,
    String department,
    String jobTitle,
    String managerEmployeeId,
    String usageLocation) {
}
