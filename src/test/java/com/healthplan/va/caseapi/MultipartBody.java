package com.healthplan.va.caseapi;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A multipart/form-data body for java.net.http, as a browser's form sends it (parts in the order added). */
final class MultipartBody {

  private final String boundary = "----va-test-" + UUID.randomUUID();
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  MultipartBody field(String name, String value) {
    head("Content-Disposition: form-data; name=\"" + name + "\"\r\n");
    write(value.getBytes(StandardCharsets.UTF_8));
    write(crlf());
    return this;
  }

  /** A file part; the file name is sent as UTF-8, as browsers do. */
  MultipartBody file(String name, String fileName, String contentType, byte[] content) {
    head("Content-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: " + contentType + "\r\n");
    write(content);
    write(crlf());
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  HttpRequest.BodyPublisher publisher() {
    ByteArrayOutputStream all = new ByteArrayOutputStream(body.size() + 64);
    all.writeBytes(body.toByteArray());
    all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(all.toByteArray());
  }

  private void head(String headers) {
    write(("--" + boundary + "\r\n" + headers + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private void write(byte[] bytes) {
    body.writeBytes(bytes);
  }

  private static byte[] crlf() {
    return new byte[] {'\r', '\n'};
  }
}
