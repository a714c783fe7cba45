package nl.werkpact.keurmerk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

  @Test
  void aSearchIsFoundAnywhereAndItsWildcardsAreTakenLiterally() {
    assertThat(Texts.likeContaining("Bakkerij")).isEqualTo("%bakkerij%");
    assertThat(Texts.likeContaining("100%_zeker\\")).isEqualTo("%100\\%\\_zeker\\\\%");
  }
}
