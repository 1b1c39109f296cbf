package com.healthplan.va.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request that could not reach the database with {@code 503 Service Unavailable}, a
 * {@code Retry-After} header and problem details in words, instead of each API's own 500 (Spring's bare error,
 * the engine REST's exception name, the webapps' {@code CannotCreateTransactionException}). Whatever the API
 * writes after the connection failed is held back, so the 503 replaces it. A response already sent in part
 * before the failure is left as it is.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  private final long retryAfterSeconds;

  DatabaseOutageFilter(long retryAfterSeconds) {
    this.retryAfterSeconds = retryAfterSeconds;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    // health answers for itself (readiness DOWN is already a 503)
    return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean[] mark = DatabaseOutage.watch();
    HeldBackResponse held = new HeldBackResponse(response, mark);
    try {
      chain.doFilter(request, held);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (!DatabaseOutage.happened(mark) || response.isCommitted()) {
        throw failure;
      }
    } finally {
      DatabaseOutage.stopWatching();
    }
    if (DatabaseOutage.happened(mark) && !response.isCommitted()) {
      LOG.warn("Database unreachable: answered {} {} with 503", request.getMethod(), request.getRequestURI());
      response.reset();
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
      response.setHeader("Cache-Control", "no-store");
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      // "message" as well: Tasklist and Cockpit show the engine REST's message field to the user
      String detail = "The case database cannot be reached right now; nothing was changed. Try again in "
          + retryAfterSeconds + " seconds.";
      response.getOutputStream().write(("{\"type\":\"https://healthplan.example/problems/database-unavailable\","
          + "\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"" + detail + "\",\"message\":\""
          + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Passes everything through until the database was found unreachable; from then on holds the answer back. */
  private static final class HeldBackResponse extends HttpServletResponseWrapper {

    private final boolean[] mark;
    private ServletOutputStream stream;
    private PrintWriter writer;

    HeldBackResponse(HttpServletResponse response, boolean[] mark) {
      super(response);
      this.mark = mark;
    }

    private boolean holding() {
      return DatabaseOutage.happened(mark);
    }

    @Override
    public void setStatus(int sc) {
      if (!holding()) {
        super.setStatus(sc);
      }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      if (!holding()) {
        super.sendError(sc, msg);
      }
    }

    @Override
    public void sendError(int sc) throws IOException {
      if (!holding()) {
        super.sendError(sc);
      }
    }

    @Override
    public void setHeader(String name, String value) {
      if (!holding()) {
        super.setHeader(name, value);
      }
    }

    @Override
    public void addHeader(String name, String value) {
      if (!holding()) {
        super.addHeader(name, value);
      }
    }

    @Override
    public void setContentType(String type) {
      if (!holding()) {
        super.setContentType(type);
      }
    }

    @Override
    public void flushBuffer() throws IOException {
      if (!holding()) {
        super.flushBuffer();
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream real = super.getOutputStream();
        stream = new ServletOutputStream() {
          @Override
          public void write(int b) throws IOException {
            if (!holding()) {
              real.write(b);
            }
          }

          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            if (!holding()) {
              real.write(b, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!holding()) {
              real.flush();
            }
          }

          @Override
          public void close() throws IOException {
            if (!holding()) {
              real.close();
            }
          }

          @Override
          public boolean isReady() {
            return real.isReady();
          }

          @Override
          public void setWriteListener(WriteListener listener) {
            real.setWriteListener(listener);
          }
        };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        PrintWriter real = super.getWriter();
        // no buffer of its own: what passes goes to the container's writer, which the container flushes
        writer = new PrintWriter(new Writer() {
          @Override
          public void write(char[] chars, int off, int len) {
            if (!holding()) {
              real.write(chars, off, len);
            }
          }

          @Override
          public void flush() {
            if (!holding()) {
              real.flush();
            }
          }

          @Override
          public void close() {
            if (!holding()) {
              real.close();
            }
          }
        });
      }
      return writer;
    }
  }
}
