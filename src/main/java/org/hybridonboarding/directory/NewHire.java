package org.hybridonboarding.directory;

/**
 * The facts about a new hire that the directory needs.
 *
 * @param givenName as HR writes it, in any script: AD's givenName, displayName and cn
 * @param latinGivenName HR's Latin form of the given name, or null: account names come from it
 *     instead of a transliteration
 */
public record NewHire(
    String employeeId,
    String givenName,
    String surname,
    String department,
    String jobTitle,
    String managerEmployeeId,
    String usageLocation,
    String latinGivenName,
    String latinSurname) {

  /** Without a Latin form from HR: account names are transliterated from the names. */
  public NewHire(String employeeId, String givenName, String surname, String department, String jobTitle,
      String managerEmployeeId, String usageLocation) {
    this(employeeId, givenName, surname, department, jobTitle, managerEmployeeId, usageLocation, null, null);
  }

  /** The given name that account names are made from. */
  public String accountGivenName() {
    return latinGivenName != null ? latinGivenName : givenName;
  }

  public String accountSurname() {
    return latinSurname != null ? latinSurname : surname;
  }
}
