package nl.werkpact.keurmerk.region;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each region's logo, a PNG an admin uploads on {@code /beheer/regios}: checked (a PNG, at most 200 kB, at most
 * 1200 × 600 pixels, read by its header before any pixel is decoded) and written again by the app, so only its pixels
 * are kept (no text chunks, nothing else a file may carry). Kept for 30 seconds per node, as {@link Regions} is.
 */
@Component
public class RegionLogos {

  static final int MAX_BYTES = 200 * 1024;
  static final int MAX_WIDTH = 1200;
  static final int MAX_HEIGHT = 600;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private record Kept(Optional<byte[]> png, long readAt) {}

  private final JdbcClient jdbc;
  private final Regions regions;
  private final Map<String, Kept> kept = new ConcurrentHashMap<>();

  public RegionLogos(JdbcClient jdbc, Regions regions) {
    this.jdbc = jdbc;
    this.regions = regions;
  }

  /** The region's logo as PNG, if it has one. */
  public Optional<byte[]> of(String code) {
    long now = System.nanoTime();
    Kept logo = kept.get(code);
    if (logo == null || now - logo.readAt() > Regions.KEPT_NANOS) {
      byte[] png =
          jdbc.sql("SELECT logo_png FROM region WHERE code = ?")
              .param(code)
              .query((rs, i) -> rs.getBytes(1))
              .optional()
              .orElse(null);
      logo = new Kept(Optional.ofNullable(png), now);
      kept.put(code, logo);
    }
    return logo.png();
  }

  /** Checks the upload and stores it, written again, as the region's logo; refused in Dutch, nothing stored. */
  public void store(String code, byte[] upload) {
    if (regions.find(code).isEmpty()) {
      throw new InvalidRequestException("Kies een regio uit de lijst.");
    }
    byte[] png = checked(upload);
    jdbc.sql("UPDATE region SET logo_png = ? WHERE code = ?").params(png, code).update();
    kept.remove(code);
    regions.refresh();
  }

  /** Takes the region's logo away. */
  public void remove(String code) {
    jdbc.sql("UPDATE region SET logo_png = NULL WHERE code = ?").param(code).update();
    kept.remove(code);
    regions.refresh();
  }

  /** The upload's pixels as a new PNG, or the Dutch reason it cannot be a logo. */
  static byte[] checked(byte[] upload) {
    if (upload == null || upload.length == 0) {
      throw new InvalidRequestException("Kies een PNG-bestand met het logo.");
    }
    if (upload.length > MAX_BYTES) {
      throw new InvalidRequestException(
          "Het logo is groter dan 200 kB. Sla het kleiner op (bijvoorbeeld 600 × 200 pixels) en probeer het opnieuw.");
    }
    if (upload.length < PNG.length || !Arrays.equals(Arrays.copyOf(upload, PNG.length), PNG)) {
      throw new InvalidRequestException(
          "Het logo moet een PNG-bestand zijn. Sla het op als PNG en probeer het opnieuw.");
    }
    ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
    try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width > MAX_WIDTH || height > MAX_HEIGHT || width < 16 || height < 16) {
        throw new InvalidRequestException(
            "Het logo is "
                + width
                + " × "
                + height
                + " pixels; het mag hoogstens 1200 × 600 pixels zijn (en minstens 16 × 16).");
      }
      BufferedImage image = reader.read(0);
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      if (e instanceof InvalidRequestException refused) {
        throw refused;
      }
      throw new InvalidRequestException(
          "Het logo is geen leesbaar PNG-bestand. Sla het opnieuw op als PNG en probeer het nog eens.");
    } finally {
      reader.dispose();
    }
  }
}
