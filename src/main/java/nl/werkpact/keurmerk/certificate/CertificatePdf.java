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
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import nl.werkpact.keurmerk.common.Dates;

/**
 * The keurmerk certificate as a PDF worth framing, in Dutch: A4 landscape in a frame of the register's colour, the region's logo
 * and name, <em>Partner in sociaal ondernemen</em>, the employer, the number, the period, the day it was issued, a
 * signature line for whoever hands it over (the wethouder, say) and a QR code with the public verification address.
 * The print variant is for a print shop: the same page with 3 mm bleed (the frame runs into it), its trim and bleed
 * boxes set and crop marks outside them. Rendered with OpenPDF, the QR code with ZXing.
 */
public final class CertificatePdf {

  /** What the certificate says; {@code handedOverBy} may be null (then the line is left to write on). */
  public record Certificate(
      String employerName,
      String municipality,
      String number,
      LocalDate validFrom,
      LocalDate validUntil,
      String verificationUrl,
      String issuer,
      String desk,
      byte[] logoPng,
      LocalDate issuedOn,
      String handedOverBy) {}

  private static final Color ACCENT = new Color(0x00, 0x57, 0x6b);
  private static final Rectangle TRIM = PageSize.A4.rotate();

  /** 3 mm of bleed and room for the crop marks beyond it, in points. */
  private static final float BLEED = 8.5f;

  private static final float MARKS = 24f;

  private CertificatePdf() {}

  public static byte[] render(Certificate certificate) {
    return render(certificate, false);
  }

  /** The certificate; {@code print}: the print shop's variant, with bleed, trim box and crop marks. */
  public static byte[] render(Certificate certificate, boolean print) {
    float offset = print ? BLEED + MARKS : 0;
    var page = new Rectangle(TRIM.getWidth() + 2 * offset, TRIM.getHeight() + 2 * offset);
    var out = new ByteArrayOutputStream();
    var document = new Document(page, 70 + offset, 70 + offset, 62 + offset, 40 + offset);
    try {
      PdfWriter writer = PdfWriter.getInstance(document, out);
      if (print) {
        writer.setBoxSize(
            "trim",
            new Rectangle(offset, offset, offset + TRIM.getWidth(), offset + TRIM.getHeight()));
        writer.setBoxSize(
            "bleed",
            new Rectangle(
                offset - BLEED,
                offset - BLEED,
                offset + TRIM.getWidth() + BLEED,
                offset + TRIM.getHeight() + BLEED));
      }
      document.addTitle("Keurmerk " + certificate.number() + " - Partner in sociaal ondernemen");
      document.addAuthor(certificate.issuer());
      document.open();
      frame(writer.getDirectContentUnder(), offset, print);
      if (certificate.logoPng() != null) {
        // the region's logo at the top, at most 180 × 56 points, its proportions kept
        Image logo = Image.getInstance(certificate.logoPng());
        logo.scaleToFit(180, 56);
        logo.setAlignment(Element.ALIGN_CENTER);
        logo.setAlt("Logo " + certificate.issuer());
        document.add(logo);
      }
      document.add(
          centered(certificate.issuer(), new Font(Font.HELVETICA, 14, Font.NORMAL, ACCENT), 0));
      document.add(
          centered(
              "Partner in sociaal ondernemen",
              new Font(Font.HELVETICA, 34, Font.BOLD, ACCENT),
              18));
      document.add(
          centered(
              "Het keurmerk van " + certificate.issuer() + " is toegekend aan",
              new Font(Font.HELVETICA, 13),
              26));
      document.add(
          centered(
              certificate.employerName(),
              fitted(
                  certificate.employerName(),
                  28,
                  page.getWidth() - document.leftMargin() - document.rightMargin()),
              14));
      document.add(centered(certificate.municipality(), new Font(Font.HELVETICA, 13), 2));
      document.add(
          centered(
              "voor het scheppen van werk voor mensen met een afstand tot de arbeidsmarkt.",
              new Font(Font.HELVETICA, 13),
              14));
      // the lower part stands at the foot of the page, whatever the upper part holds
      float left = document.leftMargin();
      float width = page.getWidth() - document.leftMargin() - document.rightMargin();
      PdfContentByte canvas = writer.getDirectContent();
      float foot = document.bottomMargin();
      ColumnText.showTextAligned(
          canvas,
          Element.ALIGN_CENTER,
          new Phrase(certificate.desk(), new Font(Font.HELVETICA, 9, Font.NORMAL, Color.DARK_GRAY)),
          page.getWidth() / 2,
          foot,
          0);
      ColumnText.showTextAligned(
          canvas,
          Element.ALIGN_CENTER,
          new Phrase(
              "Controleer dit keurmerk: " + certificate.verificationUrl(),
              new Font(Font.HELVETICA, 10)),
          page.getWidth() / 2,
          foot + 14,
          0);
      PdfPTable details = details(certificate);
      details.setTotalWidth(width);
      details.writeSelectedRows(0, -1, left, foot + 34 + details.getTotalHeight(), canvas);
      document.close();
    } catch (DocumentException | IOException e) {
      throw new IllegalStateException(
          "Certificate " + certificate.number() + " could not be rendered", e);
    }
    return out.toByteArray();
  }

  /** The employer's name on one line: bold, 28 points, smaller for a long name (not below 16; then it wraps). */
  private static Font fitted(String text, float largest, float width) {
    var font = new Font(Font.HELVETICA, largest, Font.BOLD);
    float size = largest;
    while (size > 16 && font.getCalculatedBaseFont(false).getWidthPoint(text, size) > width) {
      size -= 1;
    }
    return new Font(Font.HELVETICA, size, Font.BOLD);
  }

  /** Number, period and issue date; the signature line; the QR code: side by side under the name. */
  private static PdfPTable details(Certificate certificate) throws IOException {
    var table = new PdfPTable(new float[] {1.3f, 1.1f, 0.7f});
    var facts = cell(Element.ALIGN_LEFT);
    facts.addElement(
        paragraph(
            "Keurmerknummer " + certificate.number(),
            new Font(Font.HELVETICA, 13, Font.BOLD),
            Element.ALIGN_LEFT));
    facts.addElement(
        paragraph(
            "Geldig van "
                + Dates.dutch(certificate.validFrom())
                + "\ntot en met "
                + Dates.dutch(certificate.validUntil()),
            new Font(Font.HELVETICA, 11),
            Element.ALIGN_LEFT));
    facts.addElement(
        paragraph(
            "Uitgegeven op " + Dates.dutch(certificate.issuedOn()),
            new Font(Font.HELVETICA, 11),
            Element.ALIGN_LEFT));
    table.addCell(facts);

    var signature = cell(Element.ALIGN_CENTER);
    signature.addElement(
        paragraph(" ", new Font(Font.HELVETICA, 26), Element.ALIGN_CENTER)); // room to sign
    signature.addElement(
        paragraph(
            "______________________________", new Font(Font.HELVETICA, 11), Element.ALIGN_CENTER));
    boolean named = certificate.handedOverBy() != null && !certificate.handedOverBy().isBlank();
    signature.addElement(
        paragraph(
            named
                ? "Uitgereikt door " + certificate.handedOverBy().strip()
                : "Uitgereikt door (naam en functie)",
            new Font(Font.HELVETICA, 10),
            Element.ALIGN_CENTER));
    signature.addElement(
        paragraph(
            "namens " + certificate.issuer(),
            new Font(Font.HELVETICA, 10, Font.NORMAL, Color.DARK_GRAY),
            Element.ALIGN_CENTER));
    table.addCell(signature);

    var check = cell(Element.ALIGN_RIGHT);
    Image qr = Image.getInstance(qrPng(certificate.verificationUrl()));
    qr.scaleAbsolute(92, 92);
    qr.setAlignment(Element.ALIGN_RIGHT);
    qr.setAlt("QR-code naar " + certificate.verificationUrl());
    check.addElement(qr);
    check.addElement(
        paragraph(
            "Scan de QR-code om te controleren", new Font(Font.HELVETICA, 8), Element.ALIGN_RIGHT));
    table.addCell(check);
    return table;
  }

  private static PdfPCell cell(int alignment) {
    var cell = new PdfPCell();
    cell.setBorder(Rectangle.NO_BORDER);
    cell.setHorizontalAlignment(alignment);
    cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
    cell.setPadding(4);
    return cell;
  }

  private static Paragraph paragraph(String text, Font font, int alignment) {
    var paragraph = new Paragraph(text, font);
    paragraph.setAlignment(alignment);
    return paragraph;
  }

  /**
   * The frame: a band of the register's colour with a thin line inside it. On paper from an office printer it keeps a
   * white margin; in the print variant it runs into the bleed, and crop marks show the print shop where to cut.
   */
  private static void frame(PdfContentByte canvas, float offset, boolean print) {
    float left = offset;
    float bottom = offset;
    float right = offset + TRIM.getWidth();
    float top = offset + TRIM.getHeight();
    float outer = print ? -BLEED : 18;
    float band = print ? 16 + BLEED : 8;
    canvas.saveState();
    canvas.setColorFill(ACCENT);
    // four bars, from the edge (or the bleed) inwards
    canvas.rectangle(left + outer, bottom + outer, right - left - 2 * outer, band);
    canvas.rectangle(left + outer, top - outer - band, right - left - 2 * outer, band);
    canvas.rectangle(left + outer, bottom + outer, band, top - bottom - 2 * outer);
    canvas.rectangle(right - outer - band, bottom + outer, band, top - bottom - 2 * outer);
    canvas.fill();
    float inner = outer + band + 6;
    canvas.setColorStroke(ACCENT);
    canvas.setLineWidth(0.75f);
    canvas.rectangle(
        left + inner, bottom + inner, right - left - 2 * inner, top - bottom - 2 * inner);
    canvas.stroke();
    if (print) {
      canvas.setColorStroke(Color.BLACK);
      canvas.setLineWidth(0.25f);
      float gap = BLEED + 2;
      float length = MARKS - 4;
      for (float x : new float[] {left, right}) {
        for (float y : new float[] {bottom, top}) {
          float outX = x == left ? -1 : 1;
          float outY = y == bottom ? -1 : 1;
          canvas.moveTo(x + outX * gap, y);
          canvas.lineTo(x + outX * (gap + length), y);
          canvas.moveTo(x, y + outY * gap);
          canvas.lineTo(x, y + outY * (gap + length));
        }
      }
      canvas.stroke();
    }
    canvas.restoreState();
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
