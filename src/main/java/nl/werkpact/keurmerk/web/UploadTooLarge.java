package nl.werkpact.keurmerk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** A file over the upload limit: the page it was sent to answers, in Dutch ({@link UploadPage}). */
@ControllerAdvice
class UploadTooLarge {

  private final List<UploadPage> pages;

  UploadTooLarge(List<UploadPage> pages) {
    this.pages = pages;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (UploadPage page : pages) {
      if (path.equals(page.uploadPath()) || path.startsWith(page.uploadPath() + "/")) {
        return page.tooLarge(request, response, model);
      }
    }
    response.sendError(413, "Het bestand is te groot.");
    return null;
  }
}
