package nl.werkpact.keurmerk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/** The postgres profile refuses to start with a missing or guessable secret. */
class ProductionSettingsCheckTest {

  private static MockEnvironment environment(
      String adminId, String adminPassword, String dbPassword) {
    return new MockEnvironment()
        .withProperty("camunda.bpm.admin-user.id", adminId)
        .withProperty("camunda.bpm.admin-user.password", adminPassword)
        .withProperty("spring.datasource.password", dbPassword);
  }

  @Test
  void refusesMissingAdminPassword() {
    assertThatThrownBy(
            () -> new ProductionSettingsCheck(environment("admin", "", "db-secret")).preInit(null))
        .hasMessageContaining("WERKPACT_ADMIN_PASSWORD is not set");
  }

  @Test
  void refusesAdminPasswordEqualToTheUserId() {
    assertThatThrownBy(
            () ->
                new ProductionSettingsCheck(
                        environment("beheerder1234", "beheerder1234", "db-secret"))
                    .preInit(null))
        .hasMessageContaining("equals the admin user id");
  }

  @Test
  void refusesShortAdminPasswordAndMissingDatabasePassword() {
    assertThatThrownBy(
            () -> new ProductionSettingsCheck(environment("admin", "kort", "")).preInit(null))
        .hasMessageContaining("shorter than 12 characters")
        .hasMessageContaining("WERKPACT_DB_PASSWORD is not set");
  }

  @Test
  void refusesWeakAdminPasswordsOfTwelveCharacters() {
    assertThatThrownBy(
            () ->
                new ProductionSettingsCheck(environment("admin", "aaaaaaaaaaaa", "db-secret"))
                    .preInit(null))
        .hasMessageContaining("at least three of")
        .hasMessageContaining("too few different characters");
    assertThatThrownBy(
            () ->
                new ProductionSettingsCheck(
                        environment("admin", "correct-horse-battery", "db-secret"))
                    .preInit(null))
        .hasMessageContaining("at least three of");
    assertThatThrownBy(
            () ->
                new ProductionSettingsCheck(
                        environment("beheerder", "Beheerder-2026!", "db-secret"))
                    .preInit(null))
        .hasMessageContaining("contains the admin user id");
  }

  @Test
  void startsWithRealSecrets() {
    assertThatCode(
            () ->
                new ProductionSettingsCheck(
                        environment("admin", "Correct-Horse-Battery-7", "db-secret"))
                    .preInit(null))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Welkom2026!!",
        "Welkom2026!!Welkom",
        "2026Zomer#Zomer",
        "Wachtwoord123!",
        "Werkpact#2027",
        "P@ssw0rd!2026",
        "Camunda-7.24.0!"
      })
  void anAdminPasswordOfOneWordWithAYearOrACommonWordIsRefused(String password) {
    assertThat(ProductionSettingsCheck.isCommonPattern(password)).as(password).isTrue();
    assertThatThrownBy(
            () ->
                new ProductionSettingsCheck(environment("admin", password, "db-secret"))
                    .preInit(null))
        .hasMessageContaining("follows a pattern guessers try first");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Integratie-Beheer-2026!", "Paars-Fietsrek-Oever-9", "t7#Kq9!vRm2&xW"})
  void aPassphraseOrAGeneratedPasswordIsAccepted(String password) {
    assertThat(ProductionSettingsCheck.isCommonPattern(password)).as(password).isFalse();
  }
}
