package nl.werkpact.keurmerk.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import nl.werkpact.keurmerk.common.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** What an admin's upload must be to become a region's logo, and what is kept of it. */
class RegionLogosTest {

  @Test
  void aSmallPngIsKept_writtenAgainWithItsPixelsOnly() throws IOException {
    var image = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
    image.setRGB(10, 10, 0x00576b);
    byte[] upload = withText(png(image), "Comment", "<script>alert(1)</script>");
    assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("<script>");
    byte[] kept = RegionLogos.checked(upload);
    var read = ImageIO.read(new ByteArrayInputStream(kept));
    assertThat(read.getWidth()).isEqualTo(300);
    assertThat(read.getHeight()).isEqualTo(100);
    assertThat(read.getRGB(10, 10) & 0xffffff).isEqualTo(0x00576b);
    assertThat(new String(kept, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
  }

  /** The PNG with a tEXt chunk right after its header chunk. */
  private static byte[] withText(byte[] png, String keyword, String text) {
    byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
    var chunk = ByteBuffer.allocate(12 + data.length);
    chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
    var crc = new CRC32();
    crc.update(chunk.array(), 4, 4 + data.length);
    chunk.putInt((int) crc.getValue());
    int afterHeader = 8 + 25;
    var out = new ByteArrayOutputStream();
    out.write(png, 0, afterHeader);
    out.writeBytes(chunk.array());
    out.write(png, afterHeader, png.length - afterHeader);
    return out.toByteArray();
  }

  @Test
  void anythingElseIsRefusedInDutch_sayingWhatToDo() throws IOException {
    assertThatThrownBy(() -> RegionLogos.checked(new byte[0]))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Kies een PNG-bestand");
    assertThatThrownBy(() -> RegionLogos.checked("GIF89a.........".getBytes()))
        .hasMessageContaining("moet een PNG-bestand zijn");
    byte[] broken = Arrays.copyOf(png(new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB)), 40);
    assertThatThrownBy(() -> RegionLogos.checked(broken))
        .hasMessageContaining("geen leesbaar PNG-bestand");
    assertThatThrownBy(
            () -> RegionLogos.checked(png(new BufferedImage(1300, 50, BufferedImage.TYPE_INT_RGB))))
        .hasMessageContaining("1300 × 50 pixels; het mag hoogstens 1200 × 600 pixels zijn");
    assertThatThrownBy(
            () -> RegionLogos.checked(png(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB))))
        .hasMessageContaining("minstens 16 × 16");
    byte[] big = new byte[RegionLogos.MAX_BYTES + 1];
    System.arraycopy(png(new BufferedImage(20, 20, BufferedImage.TYPE_INT_RGB)), 0, big, 0, 50);
    assertThatThrownBy(() -> RegionLogos.checked(big)).hasMessageContaining("groter dan 200 kB");
  }

  private static byte[] png(BufferedImage image) throws IOException {
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
