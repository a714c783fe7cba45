package nl.werkpact.keurmerk.certificate;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;

/**
 * The keurmerk certificate as an A4 PDF in Dutch: the Werkpact (region) that issued it, <em>Partner in sociaal
 * ondernemen</em>, the employer, the number, the period and a QR code with the public verification address. Rendered with OpenPDF, the QR code with ZXing.
 */
public final class CertificatePdf {

  /** What the certificate says. */
  public record Certificate(
      String employerName,
      String municipality,
      String number,
      LocalDate validFrom,
      LocalDate validUntil,
      String verificationUrl,
      String issuer,
      String desk,
      byte[] logoPng) {}

  private static final Color ACCENT = new Color(0x00, 0x57, 0x6b);

  private CertificatePdf() {}

  public static byte[] render(Certificate certificate) {
    var out = new ByteArrayOutputStream();
    var document = new Document(PageSize.A4, 56, 56, 72, 56);
    try {
      PdfWriter.getInstance(document, out);
      document.addTitle("Keurmerk " + certificate.number() + " - Partner in sociaal ondernemen");
      document.addAuthor(certificate.issuer());
      document.open();
      if (certificate.logoPng() != null) {
        // the region's logo at the top, at most 200 × 70 points, its proportions kept
        Image logo = Image.getInstance(certificate.logoPng());
        logo.scaleToFit(200, 70);
        logo.setAlignment(Element.ALIGN_CENTER);
        logo.setAlt("Logo " + certificate.issuer());
        document.add(logo);
      }
      document.add(
          centered(certificate.issuer(), new Font(Font.HELVETICA, 14, Font.NORMAL, ACCENT), 0));
      document.add(
          centered(
              "Partner in sociaal ondernemen",
              new Font(Font.HELVETICA, 30, Font.BOLD, ACCENT),
              36));
      document.add(
          centered(
              "Het keurmerk van " + certificate.issuer() + " is toegekend aan",
              new Font(Font.HELVETICA, 13),
              48));
      document.add(
          centered(certificate.employerName(), new Font(Font.HELVETICA, 24, Font.BOLD), 16));
      document.add(centered(certificate.municipality(), new Font(Font.HELVETICA, 13), 6));
      document.add(
          centered(
              "voor het scheppen van werk voor mensen met een afstand tot de arbeidsmarkt.",
              new Font(Font.HELVETICA, 13),
              24));
      document.add(
          centered(
              "Keurmerknummer " + certificate.number(),
              new Font(Font.HELVETICA, 15, Font.BOLD),
              48));
      document.add(
          centered(
              "Geldig van "
                  + Dates.dutch(certificate.validFrom())
                  + " tot en met "
                  + Dates.dutch(certificate.validUntil()),
              new Font(Font.HELVETICA, 13),
              8));
      Image qr = Image.getInstance(qrPng(certificate.verificationUrl()));
      qr.scaleAbsolute(150, 150);
      qr.setAlignment(Element.ALIGN_CENTER);
      qr.setAlt("QR-code naar " + certificate.verificationUrl());
      document.add(centered("", new Font(Font.HELVETICA, 6), 36));
      document.add(qr);
      document.add(
          centered(
              "Controleer dit keurmerk: " + certificate.verificationUrl(),
              new Font(Font.HELVETICA, 11),
              4));
      document.add(
          centered(
              certificate.desk(), new Font(Font.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY), 48));
      document.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException(
          "Certificate " + certificate.number() + " could not be rendered", e);
    }
    return out.toByteArray();
  }

  private static Paragraph centered(String text, Font font, float spacingBefore) {
    var paragraph = new Paragraph(text, font);
    paragraph.setAlignment(Element.ALIGN_CENTER);
    paragraph.setSpacingBefore(spacingBefore);
    return paragraph;
  }

  private static byte[] qrPng(String url) throws IOException {
    try {
      var matrix =
          new QRCodeWriter()
              .encode(
                  url,
                  BarcodeFormat.QR_CODE,
                  600,
                  600,
                  Map.of(
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.MARGIN,
                      2));
      var png = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", png);
      return png.toByteArray();
    } catch (WriterException e) {
      throw new IOException("QR code for " + url, e);
    }
  }
}
