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
                null));

    try (var document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595f, Offset.offset(1f));
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
}
