package nl.werkpact.keurmerk.golive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import nl.werkpact.keurmerk.golive.WerkgeversCsv.Column;
import org.junit.jupiter.api.Test;

/** The go-live file as spreadsheets write it, and the Dutch answer when it cannot be read at all. */
class WerkgeversCsvTest {

  private static final String HEADER =
      "naam;kvk-nummer;adres;gemeente;contactpersoon;e-mail;ondertekend op;ondertekend door;accountmanager";

  @Test
  void readsADutchSpreadsheetExportWithSemicolonsQuotesAndAByteOrderMark() {
    var contents =
        WerkgeversCsv.read(
            new StringReader(
                "\uFEFF"
                    + HEADER
                    + ";keurmerknummer\r\n"
                    + "\"Bakkerij \"\"De Jong\"\"; Maassluis\";91000001;Hoogstraat 1;Maassluis;Anouk;a@b.example;01-02-2022;Anouk;anna;SW-2024-0001\r\n"
                    + "\r\n"
                    + "Drukkerij Smit;91000002;Markt 2;Schiedam;Bas;b@c.example;02-03-2022;Bas;anna;\r\n"));

    assertThat(contents.problem()).isNull();
    assertThat(contents.lines()).hasSize(2);
    var first = contents.lines().get(0);
    assertThat(first.number()).isEqualTo(2);
    assertThat(first.get(Column.NAME)).isEqualTo("Bakkerij \"De Jong\"; Maassluis");
    assertThat(first.get(Column.KEURMERK_NUMBER)).isEqualTo("SW-2024-0001");
    assertThat(first.get(Column.MEMBERSHIP_UNTIL)).isEmpty();
    assertThat(first.problem()).isNull();
    assertThat(contents.lines().get(1).number()).isEqualTo(4);
    assertThat(contents.lines().get(1).get(Column.MUNICIPALITY)).isEqualTo("Schiedam");
  }

  @Test
  void acceptsCommasAndOtherSpellingsOfTheColumnNames() {
    var contents =
        WerkgeversCsv.read(
            new StringReader(
                "Naam werkgever,KvK,Adres,Gemeente,Contactpersoon,E-mailadres,Datum ondertekening,Ondertekenaar,Accountmanager,Geldig vanaf,Keurmerk\n"
                    + "Smit,91000002,\"Markt 2, 3111 AA\",Schiedam,Bas,b@c.example,02-03-2022,Bas,anna,01-04-2024,SW-2024-0002\n"));

    assertThat(contents.problem()).isNull();
    var line = contents.lines().get(0);
    assertThat(line.get(Column.ADDRESS)).isEqualTo("Markt 2, 3111 AA");
    assertThat(line.get(Column.KEURMERK_VALID_FROM)).isEqualTo("01-04-2024");
    assertThat(line.get(Column.KEURMERK_NUMBER)).isEqualTo("SW-2024-0002");
  }

  @Test
  void aLineWithTooManyOrTooFewFieldsIsMarkedNotGuessed() {
    var contents =
        WerkgeversCsv.read(
            new StringReader(
                HEADER
                    + "\n"
                    + "Smit;91000002;Markt 2;Schiedam;Bas;b@c.example;02-03-2022;Bas;anna;extra\n"
                    + "Smit;91000002;Markt 2\n"));

    assertThat(contents.lines())
        .extracting(WerkgeversCsv.Line::problem)
        .containsExactly(
            "Deze regel heeft 10 velden, de kopregel 9; staat er een puntkomma te veel of te weinig?",
            "Deze regel heeft 3 velden, de kopregel 9; staat er een puntkomma te veel of te weinig?");
  }

  @Test
  void aFileThatCannotBeReadIsRefusedAsAWholeWithWhatToDo() {
    assertThat(problem(""))
        .startsWith("Het bestand is leeg. De eerste regel moet de kolomnamen bevatten");
    assertThat(problem("naam;kvk-nummer;adres\nSmit;1;2\n"))
        .isEqualTo(
            "De kopregel mist de kolom \"gemeente\", \"contactpersoon\", \"e-mail\", \"ondertekend op\", \"ondertekend door\", \"accountmanager\".");
    assertThat(problem(HEADER + ";postcode\n"))
        .startsWith(
            "Onbekende kolom \"postcode\" in de kopregel. Bekende kolommen: naam, kvk-nummer");
    assertThat(problem(HEADER + ";kvk\n"))
        .isEqualTo("De kolom \"kvk-nummer\" staat twee keer in de kopregel.");
    assertThat(
            problem(
                HEADER
                    + "\n\"Smit;91000002;Markt 2;Schiedam;Bas;b@c.example;02-03-2022;Bas;anna\n"))
        .startsWith("Het bestand is geen leesbare CSV:")
        .endsWith("Controleer de aanhalingstekens rond velden.");
    assertThat(
            problem(
                HEADER
                    + "\nCaf\uFFFD De Hoek;91000002;Markt 2;Schiedam;Bas;b@c.example;02-03-2022;Bas;anna\n"))
        .isEqualTo(
            "Het bestand is geen UTF-8. Sla het in uw spreadsheet op als \"CSV UTF-8\" en probeer het opnieuw.");
  }

  private static String problem(String text) {
    var contents = WerkgeversCsv.read(new StringReader(text));
    assertThat(contents.lines()).isEmpty();
    return contents.problem();
  }
}
