package nl.werkpact.keurmerk.golive;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over the upload limit fails while the request is read, before the import page's controller is chosen, so
 * only advice for every controller sees it: it answers with the import page and the Dutch reason. (The go-live import
 * is the app's only upload.)
 */
@ControllerAdvice
class ImportUploadLimit {

  private final ImportPageController page;

  ImportUploadLimit(ImportPageController page) {
    this.page = page;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model) {
    return page.tooLarge(request, response, model);
  }
}
