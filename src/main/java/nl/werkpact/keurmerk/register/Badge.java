package nl.werkpact.keurmerk.register;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import nl.werkpact.keurmerk.common.Dates;
import nl.werkpact.keurmerk.keurmerk.KeurmerkLinks;

/**
 * The badge a keurmerkhouder shows on its website: the keurmerk's name, its number, the Werkpact that issued it and
 * what it is worth today (geldig tot en met, verlopen, ingetrokken), drawn from the register's verdict each time it is
 * asked, so a badge left on a website after a withdrawal says so itself. As SVG (text a screen reader and a search
 * engine read) and PNG (for sites that take no SVG); both four lines in the colour of the state, each colour at
 * least 4.5:1 against the white ground (WCAG AA).
 */
record Badge(
    String state, String issuer, String number, String worth, Color colour, String sentence) {

  static final int WIDTH = KeurmerkLinks.BADGE_WIDTH;
  static final int HEIGHT = KeurmerkLinks.BADGE_HEIGHT;
  static final String NAME = "Partner in sociaal ondernemen";

  private static final Color VALID = new Color(0x1d, 0x6b, 0x3a);
  private static final Color COMING = new Color(0x1f, 0x4e, 0x79);
  private static final Color GONE = new Color(0x59, 0x59, 0x59);
  private static final Color WITHDRAWN = new Color(0xa4, 0x26, 0x2c);
  private static final Color SUSPENDED = new Color(0x8a, 0x4b, 0x00);
  private static final Color TEXT = new Color(0x1a, 0x1a, 0x1a);

  /** The badge of what the register says of a number; an unknown number gets one that says so, without the number. */
  static Badge of(Verifications.Verdict verdict) {
    var k = verdict.entry();
    if (k == null) {
      return new Badge(
          verdict.state(),
          "Sociaal Werkpact",
          "Onbekend keurmerknummer",
          "Niet door een Sociaal Werkpact uitgegeven",
          GONE,
          "Dit keurmerknummer is niet door een Sociaal Werkpact uitgegeven.");
    }
    String number = "Keurmerk " + k.number();
    String worth =
        switch (verdict.state()) {
          case "INGETROKKEN" ->
              k.withdrawnOn() == null
                  ? "Ingetrokken"
                  : "Ingetrokken op " + Dates.numeric(k.withdrawnOn());
          case "VERLOPEN" -> "Verlopen sinds " + Dates.numeric(k.validUntil().plusDays(1));
          case "GESCHORST" -> "Geschorst sinds " + Dates.numeric(verdict.suspension().since());
          case "NOG_NIET_GELDIG" -> "Verlengd, geldig vanaf " + Dates.numeric(k.validFrom());
          default -> "Geldig tot en met " + Dates.numeric(k.validUntil());
        };
    Color colour =
        switch (verdict.state()) {
          case "INGETROKKEN" -> WITHDRAWN;
          case "GESCHORST" -> SUSPENDED;
          case "VERLOPEN" -> GONE;
          case "NOG_NIET_GELDIG" -> COMING;
          default -> VALID;
        };
    return new Badge(
        verdict.state(),
        k.regionName(),
        number,
        worth,
        colour,
        "Keurmerk partner in sociaal ondernemen "
            + k.number()
            + " van "
            + k.employerName()
            + ", uitgegeven door "
            + k.regionName()
            + ": "
            + worth.toLowerCase(java.util.Locale.ROOT)
            + ".");
  }

  String svg() {
    String colour = String.format("#%06x", this.colour.getRGB() & 0xffffff);
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="%2$d" viewBox="0 0 %1$d %2$d" role="img" aria-labelledby="titel">
          <title id="titel">%3$s</title>
          <rect x="1" y="1" width="%4$d" height="%5$d" rx="8" fill="#ffffff" stroke="%6$s" stroke-width="2"/>
          <rect x="1" y="1" width="12" height="%5$d" rx="4" fill="%6$s"/>
          <g font-family="Arial, Helvetica, sans-serif">
            <text x="24" y="22" font-size="11" fill="#1a1a1a">%7$s</text>
            <text x="24" y="43" font-size="16" font-weight="bold" fill="#1a1a1a">%8$s</text>
            <text x="24" y="62" font-size="12" fill="#1a1a1a">%9$s</text>
            <text x="24" y="81" font-size="12" font-weight="bold" fill="%6$s">%10$s</text>
          </g>
        </svg>
        """
        .formatted(
            WIDTH,
            HEIGHT,
            xml(sentence),
            WIDTH - 2,
            HEIGHT - 2,
            colour,
            xml(fit(issuer, 44)),
            xml(NAME),
            xml(number),
            xml(worth));
  }

  byte[] png() {
    var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(colour);
      g.setStroke(new BasicStroke(2));
      g.draw(new RoundRectangle2D.Double(1, 1, WIDTH - 2, HEIGHT - 2, 16, 16));
      g.fill(new RoundRectangle2D.Double(1, 1, 12, HEIGHT - 2, 8, 8));
      g.setColor(TEXT);
      line(g, fit(issuer, 44), Font.PLAIN, 11, 22);
      line(g, NAME, Font.BOLD, 16, 43);
      line(g, number, Font.PLAIN, 12, 62);
      g.setColor(colour);
      line(g, worth, Font.BOLD, 12, 81);
    } finally {
      g.dispose();
    }
    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** One line of text, a point smaller at a time until it fits the badge (the server's fonts differ in width). */
  private static void line(java.awt.Graphics2D g, String text, int style, int size, int y) {
    Font font = new Font(Font.SANS_SERIF, style, size);
    while (size > 8 && g.getFontMetrics(font).stringWidth(text) > WIDTH - 24 - 10) {
      font = new Font(Font.SANS_SERIF, style, --size);
    }
    g.setFont(font);
    g.drawString(text, 24, y);
  }

  /** A long Werkpact name shortened to what fits the badge's width. */
  private static String fit(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1).strip() + "…";
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
