package com.healthplan.va.documents;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real files of each accepted type and some that must be refused, built in memory. */
public final class SampleDocuments {

  private SampleDocuments() {
  }

  public static byte[] pdf() {
    return ascii("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  }

  /** A PDF of exactly the given size: a header, then comment padding. */
  public static byte[] pdfOfSize(int size) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) ' ');
    byte[] header = ascii("%PDF-1.7\n%");
    System.arraycopy(header, 0, content, 0, header.length);
    return content;
  }

  public static byte[] png() {
    return image("png");
  }

  public static byte[] jpeg() {
    return image("jpg");
  }

  /** A TIFF as Java writes it (big-endian, {@code MM\0*}). */
  public static byte[] tiff() {
    return image("tiff");
  }

  /** The smallest little-endian TIFF header ({@code II*\0}, first directory at offset 8) and an empty directory. */
  public static byte[] littleEndianTiff() {
    return new byte[] {'I', 'I', '*', 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  }

  public static byte[] text() {
    return "Pain evaluation\r\n\tVAS 8/10 at rest; pain < 7 only with opioids.\nPatient: Müller, Zoë — 3 weeks.\n"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A Windows executable's header (MZ, DOS stub). */
  public static byte[] exe() {
    byte[] content = new byte[128];
    content[0] = 'M';
    content[1] = 'Z';
    content[2] = (byte) 0x90;
    byte[] stub = ascii("This program cannot be run in DOS mode.");
    System.arraycopy(stub, 0, content, 78, stub.length);
    return content;
  }

  /** A ZIP archive's local file header. */
  public static byte[] zip() {
    return new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  }

  public static byte[] htmlWithScript() {
    return ascii("<!DOCTYPE html><html><body><script>fetch('/api/cases')</script></body></html>\n");
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] image(String format) {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xFFFFFF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("No image writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
