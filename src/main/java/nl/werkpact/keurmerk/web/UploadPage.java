package nl.werkpact.keurmerk.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * A page of our own that takes a file. A file over the upload limit fails while the request is read, before any
 * controller is chosen; {@link UploadTooLarge} then asks the page whose path it was to answer in Dutch.
 */
public interface UploadPage {

  /** The path of the page (its POST). */
  String uploadPath();

  /** The page again with the Dutch reason (or the refusal for a caller who may not use it). */
  String tooLarge(HttpServletRequest request, HttpServletResponse response, Model model);
}
