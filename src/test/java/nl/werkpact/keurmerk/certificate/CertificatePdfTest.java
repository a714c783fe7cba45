package nl.werkpact.keurmerk.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The certificate read back as a reader and a phone would: its text, and the QR code decoded to the verification page. */
class CertificatePdfTest {

  @Test
  void saysWhoHoldsWhichKeurmerkUntilWhenAndItsQrCodeLeadsToTheVerification() throws Exception {
    byte[] pdf =
        CertificatePdf.render(
            new CertificatePdf.Certificate(
                "Bakkerij De Korenschoof",
                "Schiedam",
                "SW-2026-0007",
                LocalDate.of(2026, 11, 25),
                LocalDate.of(2028, 11, 24),
                "https://keurmerk.werkpact.example/register/SW-2026-0007",
                "Sociaal Werkpact MVS",
                "Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam",
                null,
                LocalDate.of(2026, 11, 25),
                null));

    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      // A4 landscape, to frame
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(842f, Offset.offset(1f));
      assertThat(document.getPage(0).getMediaBox().getHeight()).isCloseTo(595f, Offset.offset(1f));
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "Sociaal Werkpact MVS",
              "Partner in sociaal ondernemen",
              "Sociaal Werkpact",
              "Bakkerij De Korenschoof",
              "Schiedam",
              "Keurmerknummer SW-2026-0007",
              "Geldig van 25 november 2026 tot en met 24 november 2028",
              "Uitgegeven op 25 november 2026",
              "Uitgereikt door (naam en functie)",
              "namens Sociaal Werkpact MVS",
              "Controleer dit keurmerk: https://keurmerk.werkpact.example/register/SW-2026-0007",
              "Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam");

      List<BufferedImage> images = new ArrayList<>();
      var resources = document.getPage(0).getResources();
      for (var name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image) {
          images.add(image.getImage());
        }
      }
      assertThat(images).hasSize(1);
      var bitmap =
          new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(images.get(0))));
      assertThat(new QRCodeReader().decode(bitmap).getText())
          .isEqualTo("https://keurmerk.werkpact.example/register/SW-2026-0007");
    }
  }

  private static CertificatePdf.Certificate withLogoAndHandedOverBy() throws Exception {
    var logo = new BufferedImage(600, 200, BufferedImage.TYPE_INT_RGB);
    var g = logo.createGraphics();
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(0, 0, 600, 200);
    g.dispose();
    var png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(logo, "png", png);
    return new CertificatePdf.Certificate(
        "Stichting Met Een Heel Lange Naam Voor Werk En Inkomen In De Regio",
        "Vlaardingen",
        "SW-2026-0008",
        LocalDate.of(2026, 12, 1),
        LocalDate.of(2028, 11, 30),
        "https://keurmerk.werkpact.example/register/SW-2026-0008",
        "Sociaal Werkpact MVS",
        "Werkgeversservicepunt Maassluis, Vlaardingen en Schiedam",
        png.toByteArray(),
        LocalDate.of(2026, 11, 20),
        "wethouder J. de Vries");
  }

  @Test
  void withALogoALongNameAndWhoHandsItOverItStaysOnePage() throws Exception {
    try (var document = Loader.loadPDF(CertificatePdf.render(withLogoAndHandedOverBy()))) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text)
          .contains(
              "Stichting Met Een Heel Lange Naam",
              "Uitgegeven op 20 november 2026",
              "Uitgereikt door wethouder J. de Vries")
          .doesNotContain("(naam en functie)");
    }
  }

  @Test
  void thePrintShopsVariantHasBleedATrimBoxOfA4AndTheSameTextAndQrCode() throws Exception {
    byte[] pdf = CertificatePdf.render(withLogoAndHandedOverBy(), true);
    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      var page = document.getPage(0);
      // cut to A4 landscape; 3 mm (8.5 pt) bleed on every side; crop marks outside it on a larger
      // sheet
      assertThat(page.getTrimBox().getWidth()).isCloseTo(842f, Offset.offset(1f));
      assertThat(page.getTrimBox().getHeight()).isCloseTo(595f, Offset.offset(1f));
      assertThat(page.getBleedBox().getWidth()).isCloseTo(842f + 17f, Offset.offset(1f));
      assertThat(page.getBleedBox().getLowerLeftX())
          .isCloseTo(page.getTrimBox().getLowerLeftX() - 8.5f, Offset.offset(0.5f));
      assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getBleedBox().getWidth() + 20);
      String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains("Keurmerknummer SW-2026-0008", "Uitgegeven op 20 november 2026");
      String qr = null;
      var resources = page.getResources();
      for (var name : resources.getXObjectNames()) {
        if (resources.getXObject(name) instanceof PDImageXObject image
            && image.getWidth() == image.getHeight()) {
          var bitmap =
              new BinaryBitmap(
                  new HybridBinarizer(new BufferedImageLuminanceSource(image.getImage())));
          qr = new QRCodeReader().decode(bitmap).getText();
        }
      }
      assertThat(qr).isEqualTo("https://keurmerk.werkpact.example/register/SW-2026-0008");
    }
  }
}
